"""The doors: the HTTP API, Slack and the web widget. Each only translates a Reply."""
