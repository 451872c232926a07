"""The "Researchers" group, whose members may read the field-test report and nothing else."""

from django.db import DEFAULT_DB_ALIAS

RESEARCHERS_GROUP_NAME = "Researchers"
PERMISSION_CODENAME = "view_field_test"
PERMISSION = f"fieldtest.{PERMISSION_CODENAME}"


def ensure_researchers_group(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Create the group with the one permission "view field test"; runs after each migrate."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.using(using).get_or_create(name=RESEARCHERS_GROUP_NAME)
    permission = (
        Permission.objects.using(using)
        .filter(content_type__app_label="fieldtest", codename=PERMISSION_CODENAME)
        .first()
    )
    if permission is not None:
        group.permissions.add(permission)
