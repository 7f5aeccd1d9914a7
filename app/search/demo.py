"""The demo's synonym list: how Lumio's customers name its products and their troubles,
in English and Italian. Seeded once; an admin's edits are never overwritten."""

from __future__ import annotations

from sqlalchemy import select

from app.demo import seeder
from app.extensions import db
from app.search import synonyms
from app.search.models import SynonymGroup

LUMIO_SYNONYMS = """\
earbuds, buds, earphones, in-ear headphones, auricolari
headphones, headset, cuffie
charge, charging, recharge, ricarica, caricare, carica
charger, charging cable, usb-c cable, caricatore, cavo
case, custodia
battery, battery life, autonomia, batteria
update, upgrade, aggiornamento
disconnect, disconnects, drops out, cutting out, dropouts, disconnessioni
pair, pairing, accoppiare, abbinare
setup, set up, setting up, configure, configurazione
distorted, crackling, crackly, distorto, gracchia
wet, rain, rained on, water, bagnato, acqua
microphone, mic, microfono
equalizer, equaliser, eq, equalizzatore
noise cancelling, anc, noise cancellation
wifi, wi-fi, wireless network, wlan
speaker, altoparlante, cassa
watch, smartwatch, orologio
strap, band, wristband, cinturino
remote, remote control, telecomando
tv, television, televisore
screen, display, schermo
app, application, applicazione
crash, crashes, freezes, quits, si blocca
notifications, alerts, notifiche
order, purchase, ordine, acquisto
refund, money back, rimborso
invoice, receipt, fattura, ricevuta
warranty, guarantee, garanzia
broken, faulty, defective, rotto, guasto
repair, riparazione
account, login, sign in, accesso
password, passcode
"""


@seeder(order=5, name="search")
def seed_synonyms() -> str:
    if db.session.scalar(select(SynonymGroup.id).limit(1)) is not None:
        return "synonyms already there"
    parsed = synonyms.parse(LUMIO_SYNONYMS)
    synonyms.replace(parsed.groups)
    return f"{len(parsed.groups)} synonym groups"
