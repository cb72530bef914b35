"""Slack as a channel: verify, read, answer in Block Kit with Unicode math."""
