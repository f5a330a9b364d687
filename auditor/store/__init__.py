"""The run store: one run's page records and link graph (SQLite, or PostgreSQL for spread crawls), and the disk spill the result is built in."""
