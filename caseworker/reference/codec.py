"""The compact form boundaries are shipped in: rounded, delta-coded integer coordinates.

A boundaries file is JSON ``{"scale": S, "seats": {code: shape}}``. A shape is a list of
polygons, a polygon a list of rings (outer ring first, then holes), and a ring a flat list of
integers ``[x0, y0, dx1, dy1, ...]``: the first point in units of 1/S of a degree (longitude,
latitude), each later point as the step from the one before. Small steps make short numbers, so
650 seats fit in a few hundred kilobytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from caseworker.reference.model import Polygon, Ring, Shape

#: A ring as shipped: flat delta-coded integers.
EncodedRing = list[int]
EncodedShape = list[list[EncodedRing]]


def encode_ring(points: Sequence[tuple[int, int]]) -> EncodedRing:
    """Delta-code a ring already rounded to integer units."""
    encoded: EncodedRing = []
    last_x, last_y = 0, 0
    for x, y in points:
        encoded += [x - last_x, y - last_y]
        last_x, last_y = x, y
    return encoded


def decode_ring(encoded: Sequence[int], scale: int) -> Ring:
    """The points of a shipped ring, in degrees."""
    if len(encoded) % 2:
        raise ValueError("a shipped ring has an odd number of coordinates")
    xs = [x / scale for x in accumulate(encoded[0::2])]
    ys = [y / scale for y in accumulate(encoded[1::2])]
    return tuple(zip(xs, ys, strict=True))


def decode_shape(encoded: Sequence[Sequence[Sequence[int]]], scale: int) -> Shape:
    """A seat's polygons, in degrees, from their shipped form."""
    polygons: list[Polygon] = []
    for polygon in encoded:
        polygons.append(tuple(decode_ring(ring, scale) for ring in polygon))
    return tuple(polygons)
