"""The access tests walk the provisioned world of the review tests: two groups, subsidiaries, the regulator."""

from tests.snippets.listing_world import listings, listings_built  # noqa: F401  (fixtures)
from tests.workflows.conftest import world, world_built  # noqa: F401  (fixtures)
