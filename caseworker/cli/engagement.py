"""``engagement``: a debate's public engagement from the command line: the call, responses
imported from a survey tool's CSV export, themes, tags and quotations for the pack.

The same services as the window; a refusal is one line with exit code 1. An import with
bad rows stores nothing and lists them by line (exit code 1) unless ``--skip-bad``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from caseworker.cli.common import (
    CommandError,
    Handler,
    Subcommands,
    iso_date,
    record_number,
    refusals,
    say,
    whole_number,
    write_json,
    write_text,
)
from caseworker.formatting import counted, long_date, short_date
from caseworker.services.debates.engagement import EngagementService
from caseworker.services.debates.engagement_views import EngagementView, QuoteView, ThemeView
from caseworker.services.formats import one_line, plain, text_table
from caseworker.storage.engine import Database

READ_ONLY: set[str] = set()
#: Responses listed at most by ``engagement responses`` (``--limit``).
MAX_LISTED = 100_000


def add_parsers(commands: Subcommands) -> None:
    p = commands.add_parser(
        "engagement",
        help="a debate's public engagement: the call, responses from a survey's CSV export, "
        "themes, tags and quotations",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True,
                               help="what to do (each has its own --help)")  # fmt: skip
    _import_parser(actions)
    show = actions.add_parser("show", help="the call, responses by theme and the quotations")
    _debate_arg(show)
    show.add_argument("--format", choices=["table", "json"], default="table",
                      help="a table for people (default) or JSON for scripts")  # fmt: skip
    _set_parser(actions)
    listing = actions.add_parser("responses", help="the responses with their numbers, to tag")
    _debate_arg(listing)
    which = listing.add_mutually_exclusive_group()
    which.add_argument("--theme", metavar="NAME", help="only those tagged with this theme")
    which.add_argument("--untagged", action="store_true", help="only those with no theme")
    listing.add_argument("--search", default="", metavar="WORDS", help="only those with the words")
    listing.add_argument("--limit", type=whole_number(1, MAX_LISTED, "responses"), default=50,
                         metavar="N", help="at most N (default 50)")  # fmt: skip
    _theme_parser(actions)
    tag = actions.add_parser("tag", help="tag responses with a theme (or --remove the tag)")
    _debate_arg(tag)
    tag.add_argument("--theme", required=True, metavar="NAME", help="the theme, by name")
    tag.add_argument("response_ids", nargs="+", type=record_number, metavar="RESPONSE_ID",
                     help="response numbers (see `engagement responses`)")  # fmt: skip
    tag.add_argument("--remove", action="store_true", help="take the theme off them instead")
    _quote_parser(actions)


def _import_parser(actions: Subcommands) -> None:
    p = actions.add_parser(
        "import",
        help="import responses from a survey tool's CSV export: every row or, when a row is "
        "bad, none (listed by line)",
    )
    _debate_arg(p)
    p.add_argument("file", type=Path, metavar="FILE.csv", help="the survey tool's CSV export")
    p.add_argument("--text", required=True, metavar="COLUMN", help="the column of the answers")
    p.add_argument("--date", metavar="COLUMN", help="the column of when each was sent")
    p.add_argument("--location", metavar="COLUMN", help="the column of where the person lives")
    p.add_argument("--skip-bad", action="store_true",
                   help="import the good rows and leave out the bad ones")  # fmt: skip


def _set_parser(actions: Subcommands) -> None:
    p = actions.add_parser(
        "set", help="record the call, or change it (options not given stay as they are)"
    )
    _debate_arg(p)
    p.add_argument("--title", metavar="TEXT", help='e.g. "Share your experiences of …"')
    p.add_argument("--ran-on", metavar="TEXT", help='where, e.g. "the House of Commons website"')
    p.add_argument("--opens", type=iso_date, metavar="YYYY-MM-DD", help="the day it opened")
    p.add_argument("--closes", type=iso_date, metavar="YYYY-MM-DD", help="the day it closed")
    p.add_argument("--member", metavar="NAME", help="the Member who ran it")
    p.add_argument("--link", metavar="URL", help="where the call was published (https://…)")
    p.add_argument(
        "--responses",
        metavar="N",
        help="the survey tool's count of responses ('' counts those imported)",
    )


def _theme_parser(actions: Subcommands) -> None:
    p = actions.add_parser("theme", help="add, rename or remove a theme")
    _debate_arg(p)
    steps = p.add_subparsers(dest="step", metavar="add|rename|remove", required=True,
                             help="add a theme, rename one or remove one")  # fmt: skip
    add = steps.add_parser("add", help="a new theme")
    add.add_argument("name", metavar="NAME", help='e.g. "Cost of fares"')
    add.add_argument("--description", default="", metavar="TEXT",
                     help="what the theme covers (the pack prints it)")  # fmt: skip
    rename = steps.add_parser("rename", help="rename a theme (its tags and quotations stay)")
    rename.add_argument("name", metavar="NAME", help="the theme's name now")
    rename.add_argument("new_name", metavar="NEW_NAME", help="its new name")
    rename.add_argument("--description", metavar="TEXT", help="a new description too")
    remove = steps.add_parser("remove", help="remove a theme (its quotations stay, unfiled)")
    remove.add_argument("name", metavar="NAME", help="the theme to remove")


def _quote_parser(actions: Subcommands) -> None:
    p = actions.add_parser("quote", help="add or remove a quotation for the pack")
    _debate_arg(p)
    steps = p.add_subparsers(dest="step", metavar="add|remove", required=True,
                             help="add a quotation or remove one")  # fmt: skip
    add = steps.add_parser("add", help="a quotation (from a response, or typed)")
    add.add_argument(
        "--text",
        default="",
        metavar="TEXT",
        help="the words (default: the whole response given with --response)",
    )
    add.add_argument(
        "--source",
        default="",
        metavar="TEXT",
        help='e.g. "A parent, Leeds" (default: the response\'s place and date)',
    )
    add.add_argument(
        "--may-quote",
        action="store_true",
        help="the respondent agreed to be quoted (the pack prints only these)",
    )
    add.add_argument("--theme", metavar="NAME", help="file it under a theme")
    add.add_argument("--response", type=record_number, metavar="RESPONSE_ID",
                     help="the response it is taken from (see `engagement responses`)")  # fmt: skip
    remove = steps.add_parser("remove", help="remove a quotation")
    remove.add_argument("quote_id", type=record_number, metavar="QUOTE_ID",
                        help="the quotation's number (see `engagement show`)")  # fmt: skip


def _debate_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("debate_id", type=record_number, metavar="DEBATE_ID",
                   help="the debate's number (see `debates`)")  # fmt: skip


# Handlers ----------------------------------------------------------------------------------


def _engagement(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    service = EngagementService(db)
    with refusals():
        return ACTIONS[args.action](service, args, out, err)


def _import(service: EngagementService, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    report = service.import_csv(
        args.debate_id, args.file, text_column=args.text, date_column=args.date,
        location_column=args.location, skip_bad=args.skip_bad,
    )  # fmt: skip
    for line in report.lines():
        write_text(err, line)
    print(report.stored, file=out)
    if report.refused:
        raise CommandError("nothing imported: correct the rows above, or give --skip-bad")
    return 0


def _show(service: EngagementService, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    view = service.get(args.debate_id)
    if view is None:
        raise CommandError(
            f"debate {args.debate_id} has no public engagement yet: record the call with "
            "`engagement set`"
        )
    quotes = service.quotes(args.debate_id)
    if args.format == "json":
        write_json(out, json.dumps(_record(view, quotes), ensure_ascii=False, indent=2))
    else:
        write_text(out, "\n".join(_call_lines(view) + _theme_lines(view) + _quote_lines(quotes)))
    return 0


def _set(service: EngagementService, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    view = service.get(args.debate_id)
    if view is None and args.title is None:
        raise CommandError("a new call needs a --title")

    def given(value: Any, name: str, empty: Any = "") -> Any:
        """The option when given, else what is stored now."""
        return value if value is not None else getattr(view, name, empty)

    declared = view.declared_responses if view else None
    if args.responses is not None:
        declared = _declared(args.responses)
    saved = service.save_call(
        args.debate_id, title=given(args.title, "title"), ran_on=given(args.ran_on, "ran_on"),
        opens_on=given(args.opens, "opens_on", None),
        closes_on=given(args.closes, "closes_on", None),
        member=given(args.member, "member"), link=given(args.link, "link"),
        declared_responses=declared, expected_version=view.version if view else None,
    )  # fmt: skip
    say(err, f"debate {saved.debate_id}: {saved.title} ({counted(saved.responses, 'response')})")
    return 0


def _declared(text: str) -> int | None:
    if not text.strip():
        return None
    try:
        return int(text.replace(",", ""))
    except ValueError:
        raise CommandError(f"--responses {text!r} is not a whole number") from None


def _responses(
    service: EngagementService, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    theme = _theme_named(service, args.debate_id, args.theme) if args.theme else None
    which: dict[str, Any] = {
        "theme_id": theme.id if theme else None,
        "untagged": args.untagged,
        "search": args.search,
    }
    rows = service.responses(args.debate_id, **which, limit=args.limit)
    total = service.count_responses(args.debate_id, **which)
    body = [
        [str(r.id), short_date(r.responded_on) if r.responded_on else "", r.location,
         ", ".join(r.themes), one_line(r.body)]
        for r in rows
    ]  # fmt: skip
    shown = f"{len(rows):,} of {counted(total, 'response')}"
    table = text_table(["No.", "Sent", "Place", "Themes", "Response"], body)
    write_text(out, f"{table}\n{shown}" if rows else shown)
    return 0


def _theme(service: EngagementService, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.step == "add":
        theme = service.add_theme(args.debate_id, args.name, args.description)
        print(theme.id, file=out)
        say(err, f"theme {theme.name!r} added")
    elif args.step == "rename":
        old = _theme_named(service, args.debate_id, args.name)
        theme = service.rename_theme(old.id, args.new_name, args.description)
        say(err, f"theme {old.name!r} is now {theme.name!r}")
    else:
        old = _theme_named(service, args.debate_id, args.name)
        service.delete_theme(old.id)
        say(err, f"theme {old.name!r} removed ({counted(old.count, 'response')} untagged)")
    return 0


def _tag(service: EngagementService, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    theme = _theme_named(service, args.debate_id, args.theme)
    if args.remove:
        service.untag(args.response_ids, theme.id)
    else:
        service.tag(args.response_ids, theme.id)
    now = _theme_named(service, args.debate_id, theme.name)
    say(err, f"theme {theme.name!r}: {counted(now.count, 'response')}")
    return 0


def _quote(service: EngagementService, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.step == "remove":
        service.delete_quote(args.quote_id)
        say(err, f"quotation {args.quote_id} removed")
        return 0
    if not args.text.strip() and args.response is None:
        raise CommandError("give the quotation's --text, or the --response it comes from")
    theme = _theme_named(service, args.debate_id, args.theme) if args.theme else None
    quote = service.add_quote(
        args.debate_id, args.text, source=args.source, may_quote=args.may_quote,
        theme_id=theme.id if theme else None, response_id=args.response,
    )  # fmt: skip
    print(quote.id, file=out)
    say(err, f"quotation {quote.id} added ({_consent(quote)})")
    return 0


def _theme_named(service: EngagementService, debate_id: int, name: str) -> ThemeView:
    themes = service.themes(debate_id)
    wanted = " ".join(name.split()).casefold()
    for theme in themes:
        if theme.name.casefold() == wanted:
            return theme
    known = ", ".join(repr(t.name) for t in themes) or "none yet"
    raise CommandError(f"debate {debate_id} has no theme {name!r}; its themes: {known}")


# Output ------------------------------------------------------------------------------------


def _call_lines(view: EngagementView) -> list[str]:
    opens = long_date(view.opens_on) if view.opens_on else "not given"
    closes = long_date(view.closes_on) if view.closes_on else "not given"
    declared = (
        f"{view.declared_responses:,} (the survey's count); "
        if view.declared_responses is not None
        else ""
    )
    return [
        view.title,
        f"Ran on: {view.ran_on or 'not given'}",
        f"Open: {opens} to {closes}",
        f"Member: {view.member or 'not given'}",
        f"Link: {view.link or 'none'}",
        f"Responses: {declared}{view.imported:,} imported, {view.untagged:,} with no theme",
    ]


def _theme_lines(view: EngagementView) -> list[str]:
    if not view.themes:
        return ["", "No themes yet."]
    ranked = sorted(view.themes, key=lambda t: (-t.count, t.position))
    body = [[t.name, f"{t.count:,}", one_line(t.description)] for t in ranked]
    return ["", text_table(["Theme", "Responses", "Description"], body)]


def _quote_lines(quotes: list[QuoteView]) -> list[str]:
    if not quotes:
        return ["", "No quotations yet."]
    lines = ["", "Quotations:"]
    for q in quotes:
        theme = f" [{q.theme}]" if q.theme else ""
        lines.append(f"{q.id}. “{one_line(q.body, 200)}” — {q.source or 'no source'}{theme} "
                     f"({_consent(q)})")  # fmt: skip
    return lines


def _consent(q: QuoteView) -> str:
    return "may be quoted" if q.may_quote else "not for quotation"


def _record(view: EngagementView, quotes: list[QuoteView]) -> dict[str, object]:
    return {
        "debate_id": view.debate_id, "title": view.title, "ran_on": view.ran_on,
        "opens_on": plain(view.opens_on), "closes_on": plain(view.closes_on),
        "member": view.member, "link": view.link,
        "declared_responses": view.declared_responses, "imported": view.imported,
        "untagged": view.untagged, "responses": view.responses,
        "themes": [{"id": t.id, "name": t.name, "description": t.description,
                    "responses": t.count} for t in view.themes],
        "quotations": [{"id": q.id, "body": q.body, "source": q.source,
                        "may_quote": q.may_quote, "theme": q.theme,
                        "response_id": q.response_id} for q in quotes],
        "updated_by": view.updated_by, "updated_at": plain(view.updated_at),
        "version": view.version,
    }  # fmt: skip


ACTIONS = {
    "import": _import,
    "show": _show,
    "set": _set,
    "responses": _responses,
    "theme": _theme,
    "tag": _tag,
    "quote": _quote,
}

COMMANDS: dict[str, Handler] = {"engagement": _engagement}
