"""The Qt application: talks to ``caseworker`` only through its services."""
