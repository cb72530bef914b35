"""Running the service: records, reports, the dashboard, limits, keys, reloads, observability."""
