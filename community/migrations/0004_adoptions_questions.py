"""Adoptions of practices and questions to pages; the redazione reviews the first and moderates the second."""

from django.contrib.auth.management import create_permissions
import django.core.validators
import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

REDAZIONE = "Redazione"
# Questions are asked by members on the site, never added in the admin: no "add" there.
CODENAMES = [
    f"{action}_{model}"
    for model, actions in (
        ("adoption", ("add", "change", "delete", "view")),
        ("adoptionindicator", ("add", "change", "delete", "view")),
        ("question", ("change", "delete", "view")),
        ("answer", ("change", "delete", "view")),
    )
    for action in actions
]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="community",
        codename__in=CODENAMES,
    )


def grant(apps, schema_editor):
    # As in 0003: permissions are normally created after migrations; the grant needs them now.
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    redazione, _created = Group.objects.get_or_create(name=REDAZIONE)
    redazione.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    redazione = Group.objects.filter(name=REDAZIONE).first()
    if redazione is not None:
        redazione.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):

    dependencies = [
        ('ciao', '0005_fileuse'),
        ('community', '0003_redazione_permissions'),
        ('practices', '0003_complete_records_by_default'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Adoption',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('adottata', "adottata così com'è"), ('adattata', 'adattata')], default='adattata', max_length=10, verbose_name='come')),
                ('adopted_on', models.DateField(help_text='Il giorno in cui avete cominciato.', verbose_name='da quando')),
                ('changes', models.TextField(blank=True, help_text='Rispetto alla pratica originale: passi, tempi, persone coinvolte.', max_length=4000, verbose_name='che cosa avete cambiato')),
                ('reasons', models.TextField(blank=True, help_text='Che cosa del vostro territorio lo chiedeva.', max_length=4000, verbose_name='perché')),
                ('outcome', models.TextField(blank=True, help_text='Che cosa è cambiato per le persone e per i servizi; gli indicatori vanno sotto.', max_length=4000, verbose_name="com'è andata")),
                ('status', models.CharField(choices=[('bozza', 'bozza'), ('revisione', 'in revisione'), ('pubblicata', 'pubblicata'), ('respinta', 'respinta')], db_index=True, default='bozza', max_length=12, verbose_name='stato')),
                ('review_reason', models.TextField(blank=True, help_text="Per una adozione respinta: lo leggerà chi l'ha registrata, per correggerla.", max_length=2000, verbose_name='motivo della decisione')),
                ('reviewed_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='rivista il')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('ambito', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='adoptions', to='ciao.ambito', verbose_name="ambito che l'ha adottata")),
                ('contact', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='adoption_contacts', to='community.member', verbose_name='persona di riferimento')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='adoptions', to='ciao.organisation', verbose_name="organizzazione che l'ha adottata")),
                ('practice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='adoptions', to='practices.practicepage', verbose_name='buona pratica')),
                ('reviewed_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='rivista da')),
                ('submitted_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='adoptions', to='community.member', verbose_name='registrata da')),
                ('target_groups', models.ManyToManyField(blank=True, related_name='adoptions', to='ciao.targetgroup', verbose_name='per chi')),
            ],
            options={
                'verbose_name': 'adozione di una pratica',
                'verbose_name_plural': 'adozioni delle pratiche',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='AdoptionIndicator',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('name', models.CharField(help_text='Che cosa si è misurato.', max_length=150, verbose_name='indicatore')),
                ('value', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(0)], verbose_name='valore')),
                ('unit', models.CharField(help_text='Per esempio «persone», «ore», «tirocini».', max_length=40, verbose_name='unità di misura')),
                ('year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990)], verbose_name='anno')),
                ('adoption', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='indicators', to='community.adoption')),
            ],
            options={
                'verbose_name': 'indicatore',
                'verbose_name_plural': 'indicatori',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Question',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField(max_length=4000, verbose_name='domanda')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='inviata il')),
                ('is_public', models.BooleanField(default=False, help_text='Domanda e risposte si leggono sulla pagina.', verbose_name='pubblica')),
                ('hidden_at', models.DateTimeField(blank=True, null=True, verbose_name='nascosta il')),
                ('hidden_reason', models.CharField(blank=True, max_length=300, verbose_name='motivo')),
                ('asker', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='questions', to='community.member', verbose_name='chi chiede')),
                ('hidden_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='questions', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='pagina')),
            ],
            options={
                'verbose_name': 'domanda',
                'verbose_name_plural': 'domande',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='Answer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('by_redazione', models.BooleanField(default=False)),
                ('text', models.TextField(max_length=4000, verbose_name='risposta')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='autore')),
                ('question', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='community.question')),
            ],
            options={
                'verbose_name': 'risposta',
                'verbose_name_plural': 'risposte',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
