"""Installed as the package ``caseworker.resources``: read these files through
``caseworker.shipped.shipped_path``, never by a path relative to the checkout."""
