"""A loopback stand-in of petition.parliament.uk for the sync tests and benchmark.

``FakeSite`` (``server.py``) holds petitions (``petitions.py``), serves them on
127.0.0.1, takes scripted faults (``faults.py``) and logs every request; ``fixtures.py``
has the ``fake_site`` pytest fixture.
"""
