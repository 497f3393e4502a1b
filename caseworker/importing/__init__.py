"""Import of petition.parliament.uk JSON captures: files, folders and zip archives."""
