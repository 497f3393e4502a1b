"""Help ▸ About: the version, the database in use, and the sources of the data shipped."""

from __future__ import annotations

import html

from caseworker import __version__
from caseworker.storage.errors import display_url

#: The sources of the shipped reference data (resources/reference/README.md has them in full).
DATA_CREDITS = (
    "<p><b>Data used with thanks.</b> Petitions: petition.parliament.uk, Open Government "
    "Licence v3.0. Constituency electorates, Members and parties: House of Commons Library "
    "general election results 2019 and 2024, Open Parliament Licence v3.0. Hex maps: Open "
    "Innovations (ODI Leeds) hexmaps, MIT licence. 2024 boundaries: Office for National "
    "Statistics, Open Government Licence v3.0; contains OS data © Crown copyright and database "
    "right 2024. 2010–2024 boundaries: unboxed/petition-map, MIT licence, derived from ONS and "
    "OS data (Open Government Licence). Fonts: DejaVu (Bitstream Vera licence).</p>"
)


def about_html(database_label: str) -> str:
    # The label is a URL without its password; escaped, as a file path may hold "<" or "&".
    return (
        f"<h3>Petitions caseworker {html.escape(__version__)}</h3>"
        "<p>Casework for the House of Commons Petitions Committee.</p>"
        f"<p>Database: {html.escape(display_url(database_label))}</p>"
        f"{DATA_CREDITS}"
    )
