"""
Second generation of synthetic training text for the NER model (2026-11-29), written for the genres
and styles the second held-out set showed the first generation lacked. The held-out text was never
copied: only the classes of its misses guided what is generated here (see MODEL_CARD.md):
  - addresses without a street type, UK flats / named buildings, US directions and suites, PO boxes,
    French lieux-dits, résidences and bâtiments, streets named after people, abbreviated and
    lowercase street types;
  - facilities with no hospital head word: practices, associates, home care, dialysis units, EHPAD,
    SSIAD, CCAS, CMP, units and pavilions named after people, "St X's", "CH de X", "CHU X",
    ambulance / transport / cleaning firms and other employers;
  - cities in lowercase or upper case, after a postal code, with an article or "saint", foreign and
    multi-word cities;
  - names in lowercase chat, ALL CAPS, with particles, hyphenated, "Surname, First" table cells,
    nicknames, names of many origins;
  - augmentation: ALL-CAPS documents, OCR character noise, line breaks and end-of-line hyphens
    inside entities, CSV / Markdown tables;
  - hard negatives: drug names (drugs.json), section headers, sign-offs and form labels.
Used by make_data.py; `rng` and the gazetteers are handed in so one seed drives the whole set.
"""
import json, os, re, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def strip_accents(s):
    return ''.join(ch for ch in unicodedata.normalize('NFD', s) if unicodedata.category(ch) != 'Mn')


class Genres:
    def __init__(self, rng, names, communes, data_dir):
        self.rng = rng
        extra = json.load(open(os.path.join(HERE, 'data', 'extra-gazetteers.json')))
        types = set(t.lower() for t in extra['streetTypes'])
        self.first = names['first'] + extra['first']
        self.last = names['last'] + extra['last']
        self.x_first, self.x_last = extra['first'], extra['last']
        self.fr_first, self.fr_last = names['fr']['first'], names['fr']['last']
        self.en_first, self.en_last = names['en']['first'], names['en']['last']
        self.communes = communes
        self.big = [c for c in communes if c[2] >= 3000]
        self.world = [c for c in extra['cities'] if c.split()[-1].lower() not in types]
        self.streets = extra['streetNames']
        self.street_types = extra['streetTypes']
        self.fr_street_names = extra['frStreetNames']
        drugs = json.load(open(os.path.join(data_dir, 'drugs.json')))
        self.drugs = [d for d in drugs if d.isalpha() and 5 <= len(d) <= 12]

    # ---- values ---------------------------------------------------------------------------
    def pick(self, xs):
        return self.rng.choice(xs)

    def fname(self, lang):
        r = self.rng.random()
        if r < 0.3:
            return self.pick(self.x_first)
        return self.pick(self.fr_first if lang == 'fr' else self.en_first) if r < 0.7 else self.pick(self.first)

    def lname(self, lang):
        r = self.rng.random()
        if r < 0.35:
            return self.pick(self.x_last)
        return self.pick(self.fr_last if lang == 'fr' else self.en_last) if r < 0.6 else self.pick(self.last)

    def person(self, lang):
        f, l, r = self.fname(lang), self.lname(lang), self.rng.random()
        if r < 0.12:
            part = self.pick(['de', 'du', 'de la', 'le', 'Le', 'van', 'von', 'da', 'di', 'Ben', 'El', 'dos', 'van der', "d'"])
            l = f"{part}{'' if part.endswith(chr(39)) else ' '}{l}"
        elif r < 0.22:
            l = f'{l}-{self.lname(lang)}'
        elif r < 0.27:
            l = self.pick(["O'", 'Mc', 'Mac']) + l
        elif r < 0.33:
            f = f'{f}-{self.fname(lang)}'
        s = self.rng.random()
        if s < 0.45:
            return f'{f} {l}'
        if s < 0.6:
            return f'{f} {l.upper()}'
        if s < 0.7:
            return f'{l.upper()} {f}'
        if s < 0.8:
            return f'{f} {l[0].upper()}.' if l[0].isalpha() else f'{f} {l}'
        if s < 0.9:
            return l
        return f'{f} {self.fname(lang)} {l}'

    def last_first(self, lang):
        l, f = self.lname(lang), self.fname(lang)
        return self.pick([f'{l}, {f}', f'{l.upper()}, {f}', f'{l}, {f[0]}.', f'{l.upper()} {f.upper()}', f'{l} {f}'])

    def nickname(self, lang):
        f, l = self.fname(lang), self.lname(lang)
        nick = self.pick([f[:3], f[:4] + 'y', self.fname(lang), f[:2] + f[:2]]).lower()
        q = self.pick(['"', "'", '«'])
        close = '»' if q == '«' else q
        return f'{f} {q}{nick}{close} {l}'

    def city(self, lang):
        r = self.rng.random()
        if lang == 'en' and r < 0.7 or lang == 'fr' and r < 0.12:
            c = self.pick(self.world)
        else:
            c = self.pick(self.communes if self.rng.random() < 0.5 else self.big)[1]
            if c.startswith('Saint-') and self.rng.random() < 0.3:
                c = c.replace('-', ' ', 1) if self.rng.random() < 0.5 else 'St-' + c[6:]
        return c

    def zip(self, lang):
        if lang == 'fr' or self.rng.random() < 0.2:
            return f'{self.rng.randint(1, 98):02d}{self.rng.randint(0, 999):03d}'
        return self.pick([f'{self.rng.randint(1000, 99999):05d}', f'{self.pick(["SW", "N", "EH", "M", "LS", "BT", "G", "CF"])}{self.rng.randint(1, 20)} {self.rng.randint(1, 9)}{self.pick(["AB", "QT", "HX", "DN", "PL"])}'])

    def address(self, lang):
        n = self.rng.randint(1, 399)
        r = self.rng.random()
        if lang == 'en':
            street = self.pick(self.streets)
            if r < 0.2:
                return f'{self.pick(["Flat", "Apt", "Unit", "Flat"])} {self.rng.randint(1, 40)}, {self.lname("en")} {self.pick(["Court", "House", "Lodge", "Mansions", "Tower"])}, {n} {street}'
            if r < 0.35:
                return f'{n} {self.pick(["N.", "S.", "E.", "W.", "North", "West", "N", "SW"])} {self.lname("en")} {self.pick(self.street_types)}, {self.pick(["Suite", "Ste", "Apt", "#"])} {self.rng.randint(2, 990)}'
            if r < 0.45:
                return f'{self.pick(["PO Box", "P.O. Box", "Box"])} {self.rng.randint(10, 99999)}'
            if r < 0.55:
                return f'{n} {self.rng.randint(1, 250)}{self.pick(["th", "", "st", "nd"])} {self.pick(["Street", "Avenue", "St", "Ave"])}'
            if r < 0.7:
                # no street type: "3 Elm Hill", "27 Kingsway"
                return f'{n} {self.pick([self.lname("en"), self.pick(self.world)])} {self.pick(["Hill", "Green", "Park", "Row", "Gardens", "Parade", "Walk", "Mews", "Rise", "Terrace", "Circus", "Park West"])}'
            if r < 0.8:
                return f'{n} {self.fname("en")} {self.lname("en")} {self.pick(self.street_types)}'
            return f'{n} {street}'
        name = self.pick([
            f'{self.fname("fr")} {self.lname("fr")}', f'du Docteur {self.lname("fr")}', f'{self.pick(self.fr_street_names)}',
            f'des {self.pick(["Mimosas", "Vignes", "Cerisiers", "Hirondelles", "Chênes", "Genêts", "Jardins", "Prés", "Sources", "Moulins"])}',
            f'de {self.pick(self.big)[1]}', f'Jean {self.lname("fr")}', f'du {self.rng.randint(8, 19)} {self.pick(["Mai", "Juin", "Novembre", "Mars"])} {self.rng.choice(["1945", "1962", "1918", "1944"])}',
            f'{self.lname("fr")}',
        ])
        kind = self.pick(['rue', 'avenue', 'boulevard', 'av', 'av.', 'bd', 'bld', 'chemin', 'chem.', 'impasse', 'imp.', 'allée', 'place', 'pl.', 'route', 'rte', 'cours', 'quai', 'square', 'faubourg', 'sentier', 'passage', 'résidence', 'lotissement', 'cité', 'hameau'])
        if r < 0.12:
            return f'{self.pick(["lieu-dit", "lieu dit", "LD", "Lieu-dit"])} {self.pick([self.lname("fr").upper(), self.pick(["Le Moulin", "La Croix Blanche", "Les Granges", "Le Bourg", "La Métairie", "Ker" + self.lname("fr").lower()])])}'
        if r < 0.24:
            return f'{self.pick(["Résidence", "résidence", "Rés.", "Résidence les"])} {self.pick(["Orangers", "Bleuets", "Sources", "Pins", self.lname("fr")])}, {self.pick(["bât.", "bâtiment", "Bât", "escalier", "appt"])} {self.pick(["A", "B", "C", "4", "12", "D2"])}, {n} {kind} {name}'
        if r < 0.3:
            return f'{n} {kind} {name}, {self.pick(["appt", "apt", "appartement", "porte", "étage"])} {self.rng.randint(1, 60)}'
        if r < 0.38:
            return f'{self.pick(["Hameau", "hameau", "Quartier", "Mas", "Domaine"])} {self.pick(["de la ", "des ", "du ", ""])}{self.lname("fr")}'
        sep = self.pick([' ', ', ', ' bis ', ' ter ', 'B '])
        return f'{n}{sep}{kind} {name}'

    def facility(self, lang):
        c, l, f = self.city(lang), self.lname(lang), self.fname(lang)
        if lang == 'en':
            return self.pick([
                f"St {f}'s", f"St. {f}'s Hospital", f"St {f} of {self.pick(['God', 'the Cross', 'Mercy'])} {c}", f'{c} Home Care', f'{l} Home Health',
                f'{c} Cardiology Associates', f'{l} Orthopedic Associates', f'{c} HealthCare Cancer Institute', f'{c} Dialysis Unit', f'{self.pick(self.streets)} Surgery',
                f'{l} Family Practice', f'{c} Medical Practice', f'{c} Manor Skilled Nursing', f'{c} Urgent Care', f'{c.upper()} ORTHO', f'Pathology Partners of {c}',
                f'{c} Community Health Center', f'{l} Pharmacy', f'{c} Hospice', f'{c} Rehabilitation Hospital', f'{l} Children\'s Hospital', f'{c} Memory Care',
                f'{l} Clinic', f'{c} Imaging Center', f'{c} VA Medical Center',
                f'{self.pick(["Greenfield", "Lakeview", "Brookside", "Maple", "Riverside", "Sunrise", "Hillcrest", "Oakwood", "Pinecrest", "Harbor"])} {self.pick(["Home Care", "Nursing Home", "Dialysis Center", "Surgical Center"])}',
            ])
        return self.pick([
            f'EHPAD {self.pick(["les", "Les", "La", "Le", "Résidence"])} {self.pick(["Tilleuls", "Glycines", "Charmilles", "Pastoureaux", "Myosotis", "Bruyères", l])}', f'ehpad {self.pick(["saint", "sainte"])}-{f.lower()}',
            f'SSIAD {self.pick(["du Pays de", "de", "du canton de"])} {c}', f'CCAS de {c}', f'CMP {f} {l}', f'CMPP de {c}', f'EPSM {c}', f'CSAPA {self.pick(["de", "du"])} {c}',
            f'CH de {c}', f'CH {c}', f'CHU {c}', f'CHU de {c}', f'CHR {c}', f'CHS {l}', f'CHI {c}', f'centre hospitalier de {c}', f'Centre Hospitalier Universitaire de {c}',
            f'unité {l}', f'Unité {f} {l}', f'pavillon {l}', f'Pavillon {f} {l}', f'service {self.pick(["du Pr", "du Dr"])} {l}', f'secteur {l}',
            f'Ambulances {l}', f'ambulances {l.lower()}', f'Transports {l} et Fils', f'Taxi {l}', f'Taxis {c}', f'VSL {l}', f'Laboratoire {l}', f'laboratoire {self.pick(["Cerballiance", "Bio", "Synlab", "Eurofins"])} {c}',
            f'Cabinet médical {self.pick(["des", "du"])} {self.pick(["Acacias", "Platanes", "Marronniers", "Centre", "Port", "Lac"])}', f'Cabinet {l}', f'cabinet infirmier {l}', f'Centre de santé {f} {l}',
            f'Maison de santé de {c}', f'MSP {c}', f'Clinique Saint-{f}', f'clinique {self.pick(["des", "du"])} {self.pick(["Cèdres", "Parc", "Lac", "Vallon", "Diaconat", "Sport"])}', f'Hôpital privé {l}',
            f'Institut {l}', f'Pharmacie {self.pick(["du Centre", "de la Gare", "des Halles", l])}', f'Résidence {self.pick(["les Oliviers", "le Clos", l])}', f'SAMU {self.rng.randint(1, 95):02d}',
            f'école {self.pick(["élémentaire", "maternelle", "primaire"])} {f} {l}', f'collège {f} {l}', f'lycée {l}', f'crèche {self.pick(["les", "Les"])} {self.pick(["Lutins", "Petits Loups", "Câlins"])}',
        ])

    def drug(self):
        d = self.pick(self.drugs)
        return self.pick([d.capitalize(), d, d.upper() if len(d) < 9 else d.capitalize()])

    # ---- templates ------------------------------------------------------------------------
    FR = [
        'slt c {PL}, je passe chez {F} vers 18h, elle est à {CL} maintenant',
        'ok pour demain, {FL} récupère les ordonnances à la {H2}',
        '{F} : la pharmacie de {CL} a pas le {DRUG}, on voit avec {PL}',
        'mr {LL} pas de selles depuis 3j, {DRUG} donné, fils {FL} prévenu',
        'Passage IDE ({P2}) : pansement fait. {NEGW}. Prochain passage par {P2}.',
        'Prise en charge par le {H2} depuis le {D}. Référente : {P2}.',
        'Demande de transport : {H2}, départ {A2} {Z} {C2}, arrivée {H2}.',
        'Mme {P2} réside à l\'{H2} ({C2}). Contact : sa nièce {P2}.',
        'Assistante sociale : {P2}. Aide à domicile par {H2}, {A2}, {Z} {C2}.',
        'Employeur : {H2} ({C2}). Arrêt de travail jusqu\'au {D}.',
        'travaille chez {H2} comme cariste, vit à {CL} avec {FL}',
        'ENFANT : {PUP}\nMÈRE : {PUP}\nADRESSE : {A2UP} {Z} {C2UP}',
        'Domicile : {A2}\n{Z} {C2}\nTél. {T}',
        '{A2} - {Z} {C2}',
        'adresse : {A2L} {Z} {CL}',
        'Né à {C2} le {D}, domicilié {A2} à {C2}.',
        'Le Dr {P2} ({H2}) nous l\'adresse pour {NEG}. Transfert prévu à la {H2}.',
        'Hospitalisé du {D} au {D} en {H2}, puis SSR à {C2}.',
        'Nom;Prénom;Date de naissance;Commune\n{LUP};{F};{D};{C2}\n{LUP};{F};{D};{C2}',
        '| Patient | Chambre | Médecin |\n|---|---|---|\n| {PLF} | 12 | Dr {L2} |\n| {PLF} | 14 | Dr {L2} |',
        'Lit 3 - {PLF} - {DRUG} 1 cp\nLit 4 - {PLF} - {DRUG} 2 cp',
        'Signé électroniquement par {P2}, {H2}, {C2}',
        '{C2}, le {D}\n\nCher confrère,\nJe revois ce jour {P2} pour {NEG}.',
        'Copie : Dr {P2}, {H2} ; Dr {P2}, {A2}, {Z} {C2}.',
        'Personne à prévenir : {PNICK} ({T})',
        'Le patient est suivi au {H2} par le Dr {L2} et au {H2} pour sa dialyse.',
        'Famille : épouse {F2}, fils {F2} et {F2} ({C2}), fille à {C2}.',
        '{DRUG} 20 mg le matin. {DRUG} si douleur. Pas de {DRUG}.',
        'CONSULTATION\nMOTIF : {NEG}\nCONCLUSION : {DRUGUP} à poursuivre.',
        'Résultats transmis au Dr {L2} et à l\'{H2} de {C2}.',
        'note ide : {LL} {FL}, ch {ROOM}, douleurs, vu par interne {FL}, rappel {H2L}',
        'Vit en {H2}, ancienne employée de {H2}. Originaire de {C2}.',
        'visite à domicile : {A2L}, {CL}. présents : {PL} (fille), {PL} (voisin)',
        'Mlle {P2} (née {LUP}), {A2}, {C2}',
        '{CLIN} ce matin, {CLIN} à prévoir. {CLIN} ok, {FL} prévenue.',
        '{CLIN} : fait. {CLIN} : à revoir. {DRUG} : arrêté.',
        'ras la nuit, {CLIN} fait, {CLIN} demain, famille passée',
        '{CLIN} prévu au {H2} le {D} avec le Dr {L2}.',
    ]
    EN = [
        'hey its {FL}, can u tell dr {LL} im at {CL} now',
        'ok thx {FL} - will pick up the meds at {H2L} on my way',
        'pt {PL} says her son {FL} drives her from {CL} every week',
        'Discussed with {P2} at {H2}. Follow-up with {P2} in {C2}.',
        'Home visit: {A2}, {C2} {Z}. Present: {P2} (carer), {F2} (grandson).',
        'Employer: {H2}, {C2}. Off work since {D}.',
        'works nights at {H2L}, lives in {CL} with partner {FL}',
        'Referred by {H2} ({C2}) to {H2} for {NEG}.',
        'Address: {A2}\n{C2}, {Z}\nPhone: {T}',
        '{A2}, {C2} {Z}',
        'lives at {A2L}, {CL}',
        'Mailing address: {A2UP}, {C2UP} {Z}',
        'Patient List\n{PLF} | Bed 4 | {DRUG}\n{PLF} | Bed 6 | {DRUG}',
        'Surname,Forename,DOB,Town\n{LUP},{F},{D},{C2}\n{LUP},{F},{D},{C2}',
        '| Name | Ward | Consultant |\n|---|---|---|\n| {PLF} | Oak | Dr {L2} |',
        'Signed: {P2}, {H2}',
        '{C2}, {D}\n\nDear Dr {L2},\nI reviewed {P2} today regarding {NEG}.',
        'cc: {P2}, {H2}; {P2}, {A2}, {C2}',
        'Next of kin: {PNICK}, {T}',
        'Dialysis at {H2} three times a week; cardiology with {P2} at {H2}.',
        'Family: wife {F2}, sons {F2} and {F2} (both in {C2}).',
        'Start {DRUG} 10 mg daily. Stop {DRUG}. Continue {DRUG}.',
        'IMPRESSION: {NEG}. PLAN: {DRUGUP} as before.',
        'Technologist: {P2}. Reading radiologist: {P2}, MD, {H2}.',
        'Transferred by {H2} from {C2} to {H2}.',
        'voicemail from {FL} {LL} re her dad, call back, she is in {CL} till friday',
        'Tel conversation with {P2} ({H2}), results faxed to {H2}.',
        'Born in {C2}, moved to {C2} in 2001, now at {A2}.',
        'ED PROVIDER: {P2}\nPCP: {P2}, {H2}',
        'Sincerely,\n\n{P2}\n{H2}\n{A2}\n{C2} {Z}',
        '{CLIN} this am, {CLIN} pending. {CLIN} ok, {FL} aware.',
        '{CLIN}: done. {CLIN}: to review. {DRUG}: held.',
        'quiet night, {CLIN} done, {CLIN} tomorrow, family visited',
        '{CLIN} booked at {H2} on {D} with Dr {L2}.',
        'Department of {CLIN}: {CLIN} reviewed, {CLIN} normal.',
    ]
    # Ordinary clinical words and headings (written for this file) that must stay O in any case.
    CLINICAL_FR = ['kiné', 'bilan sanguin', 'pansement', 'sonde urinaire', 'perfusion', 'glycémie capillaire', 'scanner abdominal', 'échographie',
                   'insuffisance rénale', 'toux', 'dyspnée', 'œdèmes', 'constipation', 'escarre talon', 'hémoglobine', 'antalgiques', 'rééducation',
                   'prélèvement', 'ponction', 'biopsie', 'coloscopie', 'hospitalisation de jour', 'aide-soignante', 'mutuelle', 'retraite', 'veuve']
    CLINICAL_EN = ['physio', 'labs', 'dressing change', 'foley', 'iv fluids', 'blood sugar', 'ct abdomen', 'ultrasound', 'renal failure', 'cough',
                   'shortness of breath', 'edema', 'constipation', 'pressure sore', 'hemoglobin', 'pain meds', 'rehab', 'follow-up', 'biopsy',
                   'colonoscopy', 'day surgery', 'nursing aide', 'insurance', 'pension', 'widowed', 'wound care', 'echo', 'troponin', 'sats']
    NEG_WORDS_FR = ['Pas de fièvre', 'RAS', 'Bilan normal', 'Consultation', 'Synthèse', 'Conclusion', 'Motif', 'Traitement de sortie', 'Examen clinique', 'Avis', 'CAT']
    NEG_WORDS_EN = ['Sincerely', 'Impression', 'Findings', 'History', 'Plan', 'Assessment', 'Claim', 'Summary', 'Consultation', 'Reason for referral']

    def value(self, k, lang):
        """Returns (text, label or None) for one placeholder of the second-generation templates."""
        if k == 'P2': return self.person(lang), 'PERSON'
        if k == 'PL': return self.person(lang).lower(), 'PERSON'
        if k == 'PUP': return self.person(lang).upper(), 'PERSON'
        if k == 'PLF': return self.last_first(lang), 'PERSON'
        if k == 'PNICK': return self.nickname(lang), 'PERSON'
        if k == 'F2': return self.fname(lang), 'PERSON'
        if k == 'FL': return self.fname(lang).lower(), 'PERSON'
        if k == 'L2': return self.lname(lang), 'PERSON'
        if k == 'LL': return self.lname(lang).lower(), 'PERSON'
        if k == 'C2': return self.city(lang), 'CITY'
        if k == 'CL': return self.city(lang).lower(), 'CITY'
        if k == 'C2UP': return self.city(lang).upper(), 'CITY'
        if k == 'A2': return self.address(lang), 'ADDRESS'
        if k == 'A2L': return self.address(lang).lower(), 'ADDRESS'
        if k == 'A2UP': return self.address(lang).upper(), 'ADDRESS'
        if k == 'H2': return self.facility(lang), 'HOSPITAL'
        if k == 'H2L': return self.facility(lang).lower(), 'HOSPITAL'
        if k == 'DRUG': return self.drug(), None
        if k == 'DRUGUP': return self.drug().upper(), None
        if k == 'ROOM': return str(self.rng.randint(1, 40)), None
        if k == 'CLIN':
            w = self.pick(self.CLINICAL_FR if lang == 'fr' else self.CLINICAL_EN)
            return (w.capitalize() if self.rng.random() < 0.4 else w), None
        if k == 'NEGW': return self.pick(self.NEG_WORDS_FR if lang == 'fr' else self.NEG_WORDS_EN), None
        if k == 'Z': return self.zip(lang), None
        return None

    def entity_noise(self, v):
        """Line breaks and end-of-line hyphens inside an entity (wrapped letters, OCR)."""
        r = self.rng.random()
        if r < 0.06 and ' ' in v:
            i = self.pick([m.start() for m in re.finditer(' ', v)])
            return v[:i] + '\n' + v[i + 1:]
        if r < 0.09:
            words = [m for m in re.finditer(r'[^\W\d_]{6,}', v)]
            if words:
                m = self.pick(words)
                cut = m.start() + self.rng.randint(3, len(m.group()) - 3)
                return v[:cut] + '-\n' + v[cut:]
        return v

    OCR = {'O': '0', '0': 'O', 'l': '1', 'I': 'l', 'e': 'c', 'rn': 'm', 'i': 'l', 'S': '5', 'B': '8'}

    def doc_noise(self, text):
        """Whole-document styles that keep every offset: ALL CAPS, OCR confusions, wrapped lines."""
        r = self.rng.random()
        if r < 0.07:
            up = text.upper()
            return up if len(up) == len(text) else text
        if r < 0.14:
            out = list(text)
            for i, ch in enumerate(out):
                if ch in self.OCR and len(self.OCR[ch]) == 1 and self.rng.random() < 0.08:
                    out[i] = self.OCR[ch]
            return ''.join(out)
        if r < 0.2:
            out, col = list(text), 0
            for i, ch in enumerate(out):
                col += 1
                if ch == ' ' and col > self.rng.randint(30, 70):
                    out[i], col = '\n', 0
            return ''.join(out)
        if r < 0.3:
            low = text.lower()
            return strip_accents(low) if self.rng.random() < 0.5 and len(strip_accents(low)) == len(low) else low
        if r < 0.38:
            s = strip_accents(text)
            return s if len(s) == len(text) else text
        return text
