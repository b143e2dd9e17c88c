"""wirewatch: the shared contracts of the pipeline: event schemas, settings, Kafka and store."""

__version__ = "0.1.0"
