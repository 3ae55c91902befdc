"""Publishing the archive with Datasette: serve, publish, withdraw."""
