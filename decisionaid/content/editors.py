"""The "Content editors" group, so health-information staff can edit content without superuser."""

from django.db import DEFAULT_DB_ALIAS

EDITORS_GROUP_NAME = "Content editors"


def ensure_content_editors_group(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Create the group and give it every permission of the content app, and nothing else.

    Runs after each migrate (post_migrate), so content models added later join the group too.
    """
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.using(using).get_or_create(name=EDITORS_GROUP_NAME)
    permissions = Permission.objects.using(using).filter(content_type__app_label="content")
    group.permissions.set(permissions)
