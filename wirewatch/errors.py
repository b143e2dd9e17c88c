"""The wirewatch error tree.

::

    WirewatchError              base; ``retriable`` says whether trying again may help
     +-- ConfigError            a setting or flag is wrong (not retriable)
     +-- SchemaError            an event is malformed, too large or of an unknown version
     +-- ProvisionError         Java, Maven or the broker's jars are missing (not retriable)
     +-- BrokerError            the broker cannot be reached or refused a request (retriable)
     +-- StoreError             the metrics store failed (retriable)
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base of every error wirewatch raises on purpose."""

    retriable = False


class ConfigError(WirewatchError):
    """A setting or a command-line flag is wrong."""


class SchemaError(WirewatchError):
    """An event does not follow the wire schema; it belongs in the dead-letter topic."""


class ProvisionError(WirewatchError):
    """A tool or file needed to provision the local broker is missing."""


class BrokerError(WirewatchError):
    """The Kafka broker cannot be reached or refused a request."""

    retriable = True


class StoreError(WirewatchError):
    """The metrics store failed."""

    retriable = True
