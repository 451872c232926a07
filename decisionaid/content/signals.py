"""Recount the content revision whenever an editor changes content."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .fingerprint import content_models


def _content_changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # loaddata: the load command refreshes once at the end
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return
    from .services import refresh_release

    transaction.on_commit(refresh_release)


def connect() -> None:
    for model in content_models():
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"content-{model.__name__}")
        post_delete.connect(
            _content_changed, sender=model, dispatch_uid=f"content-del-{model.__name__}"
        )
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                _content_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"content-m2m-{model.__name__}-{field.name}",
            )
