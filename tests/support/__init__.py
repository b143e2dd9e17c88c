"""Helpers shared by tests: hand-made metrics and plain fakes of Kafka clients."""
