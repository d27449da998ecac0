"""/area-riservata/: the reserved area of the community of practice (DESIGN.md, "Interfaces")."""

from django.urls import path

from .views import (
    adoptions,
    area,
    calendar,
    discussions,
    documents,
    group_search,
    groups,
    invitations,
    meetings,
    members,
    monitoring,
    questions,
)

app_name = "community"

urlpatterns = [
    path("", area.my_area, name="my_area"),
    path("cerca/", group_search.search, name="search"),
    path("invito/<str:token>/", invitations.accept, name="accept_invitation"),
    path("calendario/<str:token>.ics", calendar.private_calendar, name="calendar"),
    # Members
    path("persone/", members.directory, name="directory"),
    path("persone/<int:pk>/", members.profile, name="member"),
    path("profilo/", members.edit_profile, name="my_profile"),
    path("profilo/dati.json", members.download_data, name="my_data"),
    path("profilo/cancellazione/", members.request_deletion, name="request_deletion"),
    path("profilo/calendario/", calendar.revoke_token, name="revoke_calendar"),
    # Groups
    path("gruppi/", groups.group_list, name="groups"),
    path("gruppi/<slug:slug>/", groups.group_space, name="group"),
    path("gruppi/<slug:slug>/persone/", groups.manage_people, name="group_people"),
    path("gruppi/<slug:slug>/incontri/nuovo/", meetings.edit_meeting, name="new_meeting"),
    path("gruppi/<slug:slug>/incontri/<int:pk>/", meetings.meeting, name="meeting"),
    path("gruppi/<slug:slug>/incontri/<int:pk>/modifica/", meetings.edit_meeting, name="edit_meeting"),
    path("gruppi/<slug:slug>/azioni/<int:pk>/", meetings.toggle_action, name="action"),
    path("gruppi/<slug:slug>/documenti/nuovo/", documents.upload, name="upload_document"),
    path("gruppi/<slug:slug>/documenti/<int:pk>/", documents.download, name="document"),
    path("gruppi/<slug:slug>/discussioni/nuova/", discussions.new_thread, name="new_thread"),
    path("gruppi/<slug:slug>/discussioni/<int:pk>/", discussions.thread, name="thread"),
    path("gruppi/<slug:slug>/discussioni/<int:pk>/segui/", discussions.follow, name="follow_thread"),
    path("gruppi/<slug:slug>/messaggi/<int:pk>/modifica/", discussions.edit_post, name="edit_post"),
    path("gruppi/<slug:slug>/messaggi/<int:pk>/nascondi/", discussions.hide_post, name="hide_post"),
    # Adoptions of practices
    path("adozioni/", adoptions.my_adoptions, name="adoptions"),
    path("adozioni/nuova/", adoptions.edit_adoption, name="new_adoption"),
    path("adozioni/<int:pk>/modifica/", adoptions.edit_adoption, name="edit_adoption"),
    # Questions to practices and materials
    path("domande/", questions.question_list, name="questions"),
    path("domande/nuova/<int:page_id>/", questions.ask, name="ask"),
    path("domande/<int:pk>/", questions.question, name="question"),
    path("domande/<int:pk>/pubblica/", questions.publish, name="publish_question"),
    path("domande/<int:pk>/nascondi/", questions.hide, name="hide_question"),
    # Monitoring for the Cabina di Regia (CSV: ?formato=csv)
    path("monitoraggio/", monitoring.monitoring, name="monitoring"),
]
