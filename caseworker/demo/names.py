"""Invented people and places: first names, surnames and the pieces of town names."""

from __future__ import annotations

import random

FIRST_NAMES = (
    "Aisha", "Alan", "Alice", "Amir", "Amy", "Andrew", "Angela", "Ben", "Bethan", "Callum",
    "Carol", "Catherine", "Chloe", "Chris", "Claire", "Connor", "Daniel", "David", "Deborah",
    "Eilidh", "Eleanor", "Emma", "Fatima", "Fiona", "Gareth", "Grace", "Hannah", "Harriet",
    "Harpreet", "Helen", "Ian", "Imran", "Isla", "Jack", "James", "Jane", "Jasmine", "Joanne",
    "John", "Jonathan", "Karen", "Kate", "Kieran", "Laura", "Liam", "Lucy", "Mark", "Martin",
    "Mary", "Matthew", "Megan", "Michael", "Mohammed", "Naomi", "Neil", "Nicola", "Niamh",
    "Oliver", "Owen", "Paul", "Priya", "Rachel", "Rebecca", "Rhys", "Richard", "Robert", "Ruth",
    "Ryan", "Sam", "Sarah", "Sean", "Shona", "Simon", "Sophie", "Stephen", "Stuart", "Susan",
    "Tom", "Yusuf", "Zara",
)

SURNAMES = (
    "Ahmed", "Allen", "Anderson", "Baker", "Bell", "Bennett", "Brown", "Campbell", "Carter",
    "Chadwick", "Clarke", "Collins", "Cooper", "Davies", "Dixon", "Doherty", "Edwards", "Ellis",
    "Evans", "Fletcher", "Foster", "Fraser", "Gill", "Graham", "Green", "Griffiths", "Hall",
    "Harris", "Hughes", "Hussain", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur",
    "Kelly", "Khan", "King", "Lewis", "Lloyd", "MacDonald", "McLaughlin", "Marshall", "Mitchell",
    "Moore", "Morgan", "Morris", "Murphy", "Murray", "Nolan", "Owen", "Palmer", "Parker", "Patel",
    "Phillips", "Price", "Reid", "Roberts", "Robertson", "Robinson", "Rogers", "Shah", "Singh",
    "Smith", "Stewart", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson",
    "White", "Williams", "Wilson", "Wood", "Wright", "Young",
)

#: Beginnings and endings of town names, by nation.
TOWN_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "E": (
        ("Ash", "Brad", "Brom", "Castle", "Chel", "Clay", "Crom", "Dar", "Elm", "Fair",
         "Gold", "Ham", "Har", "Hol", "Kings", "Lang", "Lin", "Mar", "Mil", "New", "Nor", "Ox",
         "Red", "Rich", "Ros", "Sal", "Shel", "Stan", "Stock", "Sud", "Thorn", "Wal", "Wes",
         "Whit", "Wick", "Win", "Wood", "Ather", "Bex", "Cran", "Dun", "Ever", "Hather", "Oak"),
        ("ford", "ham", "ton", "by", "bury", "field", "ley", "worth", "wick", "stead",
         "bridge", "mouth", "minster", "borough", "dale", "port", "well", "combe", "thorpe",
         "hurst", "caster", "chester", "stow", "wood", "marsh", "holme", "gate", "cliffe"),
    ),
    "W": (
        ("Aber", "Llan", "Pen", "Caer", "Cwm", "Pont", "Bryn", "Tre", "Ystrad", "Glyn",
         "Maes", "Rhos"),
        ("dare", "gwyn", "fach", "avon", "teg", "y-bont", "ddu", "fawr", "wen", "mawr"),
    ),
    "S": (
        ("Kil", "Dun", "Inver", "Auch", "Glen", "Strath", "Bal", "Fal", "Kin", "Kirk", "Loch",
         "Cul"),
        ("ross", "more", "lochy", "kirk", "cairn", "ness", "burgh", "brae", "muir", "allan"),
    ),
    "N": (
        ("Bally", "Carrick", "Dun", "Lis", "Mag", "Knock", "Strang", "Bann", "Clon", "Drum"),
        ("mena", "fergus", "gannon", "burn", "ford", "ney", "more", "lough", "ard", "kill"),
    ),
}


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def town(rng: random.Random, nation: str) -> str:
    starts, ends = TOWN_PARTS[nation]
    return rng.choice(starts) + rng.choice(ends)
