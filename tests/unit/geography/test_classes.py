"""Map classes: five or six, round breaks, House-style labels, and a palette that keeps its
order in greyscale."""

from __future__ import annotations

import random

import pytest

from caseworker.geography import NO_DATA, PALETTE, PALETTES, Measure, classes
from caseworker.geography.classes import _NICE


def luminance(colour: str) -> float:
    """WCAG relative luminance: what a greyscale printer or a colour-blind eye keeps."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


@pytest.mark.parametrize("size", sorted(PALETTES))
def test_each_palette_darkens_strictly(size: int) -> None:
    palette = PALETTES[size]
    assert len(palette) == size
    shades = [luminance(colour) for colour in palette]
    assert all(lighter > darker for lighter, darker in zip(shades, shades[1:], strict=False))


def test_neighbouring_classes_differ_enough_in_grey() -> None:
    shades = [luminance(colour) for colour in PALETTE]
    assert min(a - b for a, b in zip(shades, shades[1:], strict=False)) > 0.05


def test_no_signatures_has_a_colour_of_its_own() -> None:
    assert NO_DATA not in {colour for palette in PALETTES.values() for colour in palette}


def is_nice(value: float) -> bool:
    power = 10 ** (len(str(int(value))) - 1) if value >= 1 else 0.1
    return any(abs(value - nice * power) < 1e-9 for nice in (*_NICE, 0.5, 0.15, 0.25, 0.75, 0.3))


def test_skewed_rates_make_six_round_classes() -> None:
    generator = random.Random(14)
    values = [generator.lognormvariate(1.0, 0.8) for _ in range(650)]
    found = classes(values, Measure.RATE)
    assert len(found) == 6
    assert found.breaks[0] == 0
    assert all(is_nice(b) for b in found.breaks[1:]), found.breaks
    assert list(found.breaks) == sorted(set(found.breaks))
    assert found.colours == PALETTES[6]
    # Every class has seats: no colour in the legend stands for nothing.
    assert all(found.counts(values))


def test_rate_labels_read_like_the_house_prints_numbers() -> None:
    found = classes(
        [0.5, 1.2, 1.7, 2.2, 3.3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 30] * 5, Measure.RATE
    )
    assert found.labels == ("0–1.4", "1.5–3.9", "4.0–7.4", "7.5–9.9", "10.0–14.9", "15.0 and over")


def test_count_labels_are_whole_with_thousands_separated() -> None:
    found = classes([13 * i for i in range(650)], Measure.COUNT)
    assert found.labels[0].startswith("1–")
    assert found.labels[-1].endswith("and over")
    assert all("." not in label for label in found.labels)
    assert "1,500–2,999" in found.labels


def test_a_value_falls_in_the_class_its_printed_figure_names() -> None:
    found = classes(
        [0.5, 1.2, 1.7, 2.2, 3.3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 30] * 5, Measure.RATE
    )
    assert found.index(1.449) == 0  # printed 1.4
    assert found.index(1.451) == 1  # printed 1.5
    assert found.index(14.96) == 5  # printed 15.0
    assert found.index(1000) == 5
    assert found.colour(1.451) == found.colours[1]


def test_no_signatures_and_no_figure_have_no_class() -> None:
    found = classes([1, 2, 3, 4, 5, 6, 7], Measure.COUNT)
    assert found.index(0) is None and found.index(None) is None
    assert found.colour(0) == NO_DATA and found.colour(None) == NO_DATA


def test_too_few_values_make_fewer_classes_never_empty_ones() -> None:
    assert classes([], Measure.COUNT).labels == ("1 and over",)
    alike = classes([3.0] * 10, Measure.RATE)
    assert alike.labels == ("0–2.9", "3 and over")
    assert alike.counts([3.0] * 10) == (0, 10)
    tiny = classes([0.04] * 10 + [0.3], Measure.RATE)
    assert tiny.labels[0] == "Under 0.1"
