"""The HTML edition's stylesheet: inline, so the file needs nothing from anywhere else.

Fonts are named, never fetched: DejaVu (the PDF's faces) where installed, else the
system's serif and sans. Colours keep the PDF's restraint; meaning is never in colour alone.
"""

STYLESHEET = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #9a9a9a;
  --accent: #006548; --tint: #eef3f0; }
body { margin: 0 auto; max-width: 46em; padding: 1.5em 1.25em 3em; color: var(--ink);
  background: #fff; font: 1.0625rem/1.55 'DejaVu Serif', Georgia, 'Times New Roman', serif; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.75rem; margin-top: 0.5em; }
h2 { font-size: 1.4rem; border-top: 1px solid var(--rule); padding-top: 0.6em; }
h3 { font-size: 1.15rem; }
h4, h5, h6 { font-size: 1rem; }
p { margin: 0 0 0.8em; }
a { color: var(--accent); overflow-wrap: anywhere; }
a:focus { outline: 3px solid #fd0; background: #fd0; color: #000; }
.kicker { font-family: 'DejaVu Sans', Arial, sans-serif; font-weight: bold; font-size: 0.85rem;
  letter-spacing: 0.04em; color: var(--accent); margin-bottom: 0.2em; }
.subtitle, .note { color: var(--muted); }
.title { font-size: 1.5rem; font-weight: bold; line-height: 1.3; }
.heading1, .heading2, .heading3 { font-weight: bold; }
.heading1 { font-size: 1.3rem; }
.note { font-style: italic; font-size: 0.9rem; }
.label { font-family: 'DejaVu Sans', Arial, sans-serif; font-weight: bold; font-size: 0.8rem;
  color: var(--muted); margin-bottom: 0.1em; }
.handling { font-family: 'DejaVu Sans', Arial, sans-serif; font-weight: bold; text-align: center;
  letter-spacing: 0.05em; }
table { border-collapse: collapse; margin: 0.4em 0 1.2em;
  font: 0.875rem/1.35 'DejaVu Sans Condensed', 'Arial Narrow', Arial, sans-serif; }
caption { text-align: left; font-style: italic; color: var(--muted); padding-bottom: 0.3em; }
th, td { text-align: left; vertical-align: top; padding: 0.25em 0.6em 0.25em 0;
  border-bottom: 1px solid #ccc; }
thead th { vertical-align: bottom; border-top: 2px solid var(--ink);
  border-bottom: 2px solid var(--ink); background: var(--tint); padding-left: 0.3em; }
tbody th { font-weight: bold; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0 1.4em; }
figure svg { display: block; width: 100%; max-width: 34em; height: auto; }
figcaption { font-style: italic; color: var(--muted); font-size: 0.9rem; }
ol.marked { list-style: none; padding-left: 0; }
ol.marked li { padding-left: 2.2em; text-indent: -2.2em; }
.marker { display: inline-block; min-width: 2em; text-indent: 0; }
nav.contents ul { list-style: none; padding-left: 0; }
nav.contents ul ul { padding-left: 1.5em; }
nav.contents li { margin: 0.2em 0; }
footer { margin-top: 3em; border-top: 1px solid var(--rule); color: var(--muted);
  font: 0.85rem 'DejaVu Sans', Arial, sans-serif; }
@media print {
  @page { size: A4; margin: 20mm 22mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, figure { break-inside: auto; }
  tr, figure svg { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  nav.contents a::after { content: none; }
}
"""
