"""The map of signatures by constituency in the petition view, and the Members to invite.

``shapes`` builds each seat's paths once a boundary set (off the window's thread, through
``data.load_map_data``); ``widget.SeatMap`` paints and hit-tests them; ``panel.MapPanel`` adds
the switches, legend and notes; ``members.MembersPanel`` lists the Members to invite. The
figures come from :mod:`caseworker.geography`.
"""
