"""Count each incident once: story clusters, incidents across sources and toll series.

Pure logic only: :mod:`stories` clusters near-duplicate articles, :mod:`linking` joins casualty
mentions of different articles into incidents, :mod:`policy` chooses an incident's figure and
:mod:`tolls` keeps cumulative tolls as series per (place, authority). Kafka and the store wire it.
"""
