"""Letters to departments: composed from editable templates, written as PDF or plain text."""
