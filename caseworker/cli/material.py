"""``material DEBATE_ID list|add|remove|suggest``: the parliamentary material a debate's
pack lists, kept by the clerk; ``suggest`` offers what the stored petitions already say
and ``--accept`` adds it all."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any, TextIO

from caseworker.cli.common import (
    CommandError,
    Handler,
    Subcommands,
    record_number,
    refusals,
    say,
    write_json,
    write_text,
)
from caseworker.domain.debates import MaterialKind
from caseworker.formatting import DATE_FORMS, counted, short_date
from caseworker.services.debates.material import MaterialService
from caseworker.services.debates.views import MaterialItem
from caseworker.services.formats import one_line, text_table
from caseworker.storage.engine import Database

#: ``list`` and ``suggest`` without ``--accept`` write nothing, but the command as a whole
#: writes, so it is not refused on a read-only database.
READ_ONLY: set[str] = set()
KINDS = [k.value for k in MaterialKind]


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "material",
        help="the parliamentary material a debate's briefing pack lists: list, add, remove, "
        "or suggest from the stored petitions",
    )
    p.add_argument("debate_id", type=record_number, metavar="DEBATE_ID",
                   help="the Committee's debate record")  # fmt: skip
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    shown = actions.add_parser("list", help="the list, in the pack's order")
    shown.add_argument("--format", choices=["table", "json"], default="table")
    add = actions.add_parser("add", help="add an item at the end of its kind")
    add.add_argument("kind", choices=KINDS, metavar="KIND", help="one of: " + ", ".join(KINDS))
    add.add_argument("title", metavar="TITLE")
    add.add_argument("--date", default=None, metavar="DATE",
                     help=f"when it was published ({DATE_FORMS})")  # fmt: skip
    add.add_argument("--link", default="", metavar="URL", help="its web address (http or https)")
    add.add_argument("--note", default="", metavar="TEXT", help="a line for the Member")
    remove = actions.add_parser("remove", help="remove an item by its number in the list")
    remove.add_argument("item_id", type=record_number, metavar="ITEM_ID")
    suggest = actions.add_parser(
        "suggest",
        help="what the site's related activity and earlier debates on related petitions "
        "suggest, not yet listed",
    )
    suggest.add_argument("--accept", action="store_true", help="add every suggestion")
    suggest.add_argument("--format", choices=["table", "json"], default="table")


def _material(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service = MaterialService(db)
    with refusals():
        if args.action == "add":
            item = service.add(args.debate_id, args.kind, args.title, published_on=args.date,
                               link=args.link, note=args.note)  # fmt: skip
            say(err, f"debate {args.debate_id}: added item {item.id} ({item.title})")
        elif args.action == "remove":
            _refuse_other_debate(service, args.debate_id, args.item_id)
            service.delete(args.item_id)
            say(err, f"debate {args.debate_id}: removed item {args.item_id}")
        elif args.action == "suggest":
            found = service.suggest(args.debate_id)
            if args.accept:
                service.accept(args.debate_id, found)
                say(err, f"debate {args.debate_id}: added {counted(len(found), 'suggestion')}")
            _show(out, found, args.format, "No suggestions: everything found is listed.")
            return 0
        items = service.items(args.debate_id)
        fmt = getattr(args, "format", "table")
        _show(out, items, fmt, "No parliamentary material is listed for this debate.")
    return 0


def _refuse_other_debate(service: MaterialService, debate_id: int, item_id: int) -> None:
    if all(i.id != item_id for i in service.items(debate_id)):
        raise CommandError(f"debate {debate_id} lists no item {item_id}")


def _show(out: TextIO, items: Sequence[MaterialItem], fmt: str, empty: str) -> None:
    if fmt == "json":
        write_json(out, json.dumps([material_record(i) for i in items], ensure_ascii=False,
                                   indent=2))  # fmt: skip
    else:
        write_text(out, material_table(items, empty))


def material_record(item: MaterialItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "published_on": item.published_on.isoformat() if item.published_on else None,
        "link": item.link,
        "note": item.note,
        "suggested_from": item.suggested_from,
    }


def material_table(items: Sequence[MaterialItem], empty: str) -> str:
    if not items:
        return empty
    headers = ["ID", "Kind", "Date", "Title", "Link"]
    body = [
        [str(i.id) if i.id is not None else "–", MaterialKind(i.kind).label,
         short_date(i.published_on) if i.published_on else "–", one_line(i.title, 50),
         i.link or "–"]
        for i in items
    ]  # fmt: skip
    return f"{text_table(headers, body)}\n{counted(len(items), 'item')}"


COMMANDS: dict[str, Handler] = {"material": _material}
