from django.db.models.signals import post_save

from ciao.models import Comune

from .models import EventPage


def follow_comune_to_its_ambito(sender, instance, raw=False, **kwargs):
    """Keep events' copy of their ambito right when the redazione moves a comune to another ambito."""
    if raw:
        return
    EventPage.objects.filter(comune=instance).exclude(ambito_id=instance.ambito_id).update(ambito_id=instance.ambito_id)


def register_signal_handlers():
    post_save.connect(follow_comune_to_its_ambito, sender=Comune, dispatch_uid="events-comune-ambito")
