def follow_comune_to_its_ambito(sender, instance, raw=False, **kwargs):
    """Keep events' copy of their ambito right when the redazione moves a comune to another ambito."""
    if raw:
        return
    from .models import EventPage

    EventPage.objects.filter(comune=instance).exclude(ambito_id=instance.ambito_id).update(ambito_id=instance.ambito_id)
