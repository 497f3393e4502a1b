"""The window's casework: reviewing responses, revision requests, letters and meetings."""
