"""Internal extractor results → contract models (code-point offsets)."""

from __future__ import annotations

from schemas import Cluster, Entity, Span
from service.extract.entities import EntityClusters


def entity_results(found: EntityClusters) -> tuple[list[Entity], list[Cluster]]:
    entities = [
        Entity(
            text=m.text,
            start=m.start,
            end=m.end,
            label=m.label,
            cluster=found.cluster_of[m],
            canonical=found.clusters[found.cluster_of[m]].canonical,
        )
        for m in found.mentions
    ]
    clusters = [
        Cluster(
            id=c.id,
            canonical=c.canonical,
            label=c.label,
            mentions=[Span(text=m.text, start=m.start, end=m.end) for m in c.mentions],
        )
        for c in found.clusters
    ]
    return entities, clusters
