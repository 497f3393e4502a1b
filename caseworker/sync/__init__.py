"""Keeping the database current with petition.parliament.uk: politely, resumably, offline-safe.

``service.SyncService`` runs one sync; ``client.PoliteClient`` is the only code that talks to
the site. Everything fetched goes through the importer, so every import rule holds.
"""
