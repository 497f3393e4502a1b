"""The Debates window: the calendar of slots, debate records, Members, recesses and slots."""
