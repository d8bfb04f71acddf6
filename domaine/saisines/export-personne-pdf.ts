import PDFDocument from 'pdfkit'

import referentiels from '../../content/referentiels.json'
import { A4, collecter, type Doc, versWinAnsi } from '../pdf/commun'
import { dateDocument, dateEnMots, instantEnMots } from '../temps'
import { communeDeLAin } from '../territoire'
import { type ExportPersonne, type SaisineExportee, schemaExportPersonne } from './export-personne'
import { RETOURS_ARTICLE_4 } from './retours'
import { ACCORDS_CONTACT, MODES_SAISINE, NATURES_SAISINE, PROFILS, SEXES, SITUATIONS_FAMILIALES } from './schema'
import { ARTICLES_SIGNALEMENT, destinataireEnMots } from './signalements'
import { STATUTS } from './statuts'
import { CONNAISSANCES, QUESTIONS_CONNAISSANCE, STATUTS_ORIENTATION, TYPES_ACTE } from './suivi'

/**
 * Le PDF du droit d'accès, lisible par la personne, en français, depuis le
 * JSON de `exportPersonne` : ce qui est imprimé est exactement ce qui est
 * exporté. pdfkit et ses polices standard, comme les plaquettes et le
 * logigramme (domaine/pdf/commun.ts). Les métadonnées du fichier ne nomment
 * pas la personne ; chaque page porte « confidentiel ».
 */

const MARGE = { haut: 48, bas: 60, gauche: 50, droite: 50 }
const LARGEUR = A4.largeur - MARGE.gauche - MARGE.droite
const BLEU = '#000091'
const NOIR = '#161616'
const GRIS = '#3a3a3a'

const libelleReferentiel = (liste: readonly { code: string; libelle: string }[], code: string | undefined) =>
  code === undefined ? undefined : (liste.find((r) => r.code === code)?.libelle ?? code)
const communeEnMots = (code: string | undefined) => (code === undefined ? undefined : (communeDeLAin(code)?.nom ?? code))
const jourEnMots = (d: string) => dateEnMots(d, { avecAnnee: true })
const instantFr = (i: string) => instantEnMots(new Date(i), { avecAnnee: true })
const duree = (n: number) => (n <= 1 ? `${n} jour` : `${n} jours`)

function titre(doc: Doc, t: string, taille = 12) {
  doc.moveDown(0.6)
  doc.font('Helvetica-Bold').fontSize(taille).fillColor(BLEU).text(versWinAnsi(t), MARGE.gauche, doc.y, { width: LARGEUR })
  doc.moveDown(0.2)
}

function sousTitre(doc: Doc, t: string) {
  doc.moveDown(0.35)
  doc.font('Helvetica-Bold').fontSize(9.5).fillColor(NOIR).text(versWinAnsi(t), MARGE.gauche, doc.y, { width: LARGEUR })
  doc.moveDown(0.1)
}

function paragraphe(doc: Doc, t: string, police = 'Helvetica', taille = 9, couleur = NOIR) {
  doc.font(police).fontSize(taille).fillColor(couleur).text(versWinAnsi(t), MARGE.gauche, doc.y, { width: LARGEUR, lineGap: 1 })
}

/** « Libellé : valeur », la valeur absente n'imprime rien. */
function champ(doc: Doc, libelle: string, valeur: string | undefined) {
  if (valeur === undefined || valeur === '') return
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .fillColor(NOIR)
    .text(versWinAnsi(`${libelle} : `), MARGE.gauche, doc.y, { width: LARGEUR, lineGap: 1, continued: true })
    .font('Helvetica')
    .text(versWinAnsi(valeur))
}

function liste(doc: Doc, lignes: readonly string[], vide: string) {
  if (lignes.length === 0) return paragraphe(doc, vide, 'Helvetica-Oblique', 9, GRIS)
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(NOIR)
    .list(lignes.map(versWinAnsi), MARGE.gauche + 6, doc.y, { width: LARGEUR - 6, bulletRadius: 1.6, textIndent: 10, lineGap: 1, paragraphGap: 2 })
  doc.x = MARGE.gauche
}

function identiteEnMots(doc: Doc, p: NonNullable<SaisineExportee['identite']>) {
  champ(doc, 'Nom et prénom', `${p.nom} ${p.prenom}`)
  champ(doc, 'Date de naissance', p.dateNaissance && jourEnMots(p.dateNaissance))
  champ(doc, 'Âge indiqué', p.age === undefined ? undefined : `${p.age} ans`)
  champ(doc, 'Sexe', p.sexe && SEXES[p.sexe])
  champ(doc, 'Situation familiale', p.situationFamiliale && SITUATIONS_FAMILIALES[p.situationFamiliale])
  champ(doc, 'Commune de résidence', communeEnMots(p.commune))
  champ(doc, 'Téléphone', p.telephone)
}

function saisineEnMots(doc: Doc, s: SaisineExportee, n: number) {
  titre(doc, `${n}. Saisine du ${jourEnMots(s.date)} (référence ${s.id})`)
  champ(doc, 'Statut actuel', STATUTS[s.statut])
  champ(doc, 'Mode de saisine', MODES_SAISINE[s.mode])
  champ(doc, 'Saisine directe ou indirecte', s.nature && NATURES_SAISINE[s.nature])
  champ(doc, 'Origine', libelleReferentiel(referentiels['mode-saisine'], s.origine))
  champ(doc, 'Unité qui a saisi', s.unite)
  champ(doc, 'Urgence', s.urgence === undefined ? undefined : s.urgence ? 'oui' : 'non')
  champ(doc, 'Profil', s.profil && PROFILS[s.profil])
  champ(doc, 'Problématique principale', libelleReferentiel(referentiels.problematique, s.problematique))
  champ(doc, 'Durée d’accompagnement', s.dureeAccompagnementJours === null ? 'pas de prise en charge' : duree(s.dureeAccompagnementJours))
  champ(doc, 'Nombre d’actes', String(s.nombreActes))
  if (s.donneesEffaceesLe) paragraphe(doc, `Données personnelles effacées le ${instantFr(s.donneesEffaceesLe)} (durée de conservation échue) : seuls restent les champs statistiques.`, 'Helvetica-Oblique', 9, GRIS)

  if (s.identite) {
    sousTitre(doc, 'Identité enregistrée')
    identiteEnMots(doc, s.identite)
  }
  if (s.ditALaPersonne || s.accepteContact || s.texteLibre) {
    sousTitre(doc, 'Contenu de la saisine')
    champ(doc, 'Ce qui a été dit à la personne', s.ditALaPersonne)
    champ(doc, 'La personne accepte d’être contactée', s.accepteContact && ACCORDS_CONTACT[s.accepteContact])
    champ(doc, 'Texte libre', s.texteLibre)
  }
  if (s.situationConnue) {
    sousTitre(doc, 'Situation déjà connue')
    champ(doc, QUESTIONS_CONNAISSANCE.connueDuDepartement, CONNAISSANCES[s.situationConnue.connueDuDepartement])
    champ(doc, QUESTIONS_CONNAISSANCE.connueDeLaCaf, CONNAISSANCES[s.situationConnue.connueDeLaCaf])
  }
  sousTitre(doc, 'Étapes du traitement')
  liste(doc, [`${jourEnMots(s.date)} : ${STATUTS.recue}`, ...s.historique.map((h) => `${instantFr(h.le)} : ${STATUTS[h.statut]}`)], '')
  sousTitre(doc, 'Actes de l’intervenant social')
  liste(doc, s.actes.map((a) => `${jourEnMots(a.date)} – ${TYPES_ACTE[a.type]}${a.texte ? ` : ${a.texte}` : ''}`), 'Aucun acte enregistré.')
  sousTitre(doc, 'Orientations')
  liste(
    doc,
    s.orientations.map(
      (o) =>
        `${jourEnMots(o.date)} – ${o.structure}${o.service ? ` (${o.service})` : ''} : ${STATUTS_ORIENTATION[o.statut].toLocaleLowerCase('fr')}${o.commentaire ? `. ${o.commentaire}` : ''}`,
    ),
    'Aucune orientation enregistrée.',
  )
  sousTitre(doc, 'Signalements à l’autorité judiciaire')
  liste(
    doc,
    s.signalements.map((g) => `${jourEnMots(g.date)} – ${ARTICLES_SIGNALEMENT[g.article]} ; destinataire : ${destinataireEnMots(g)}${g.texte ? `. ${g.texte}` : ''}`),
    'Aucun signalement enregistré.',
  )
  sousTitre(doc, 'Informations transmises à l’unité qui a saisi (article 4 du protocole-cadre de 2013)')
  liste(doc, s.retours.map((r) => `${instantFr(r.le)} : ${RETOURS_ARTICLE_4[r.type]}`), 'Aucune, en dehors de la réception et de la prise en charge.')
}

function piedsDePage(doc: Doc, genere: string) {
  const pages = doc.bufferedPageRange()
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i)
    const basAvant = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = A4.hauteur - MARGE.bas + 24
    doc.moveTo(MARGE.gauche, y - 6).lineTo(A4.largeur - MARGE.droite, y - 6).lineWidth(0.5).stroke('#929292')
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(GRIS)
      .text(versWinAnsi(`Passerelle · droit d’accès aux données personnelles · document établi le ${genere} · confidentiel`), MARGE.gauche, y, {
        width: LARGEUR - 60,
        lineBreak: false,
      })
    doc.text(`Page ${i + 1} / ${pages.count}`, A4.largeur - MARGE.droite - 60, y, { width: 60, align: 'right', lineBreak: false })
    doc.page.margins.bottom = basAvant
  }
}

/** Le PDF lisible du droit d'accès, depuis le JSON (ce qui est imprimé est exactement ce qui est exporté). */
export function pdfExportPersonne(entree: ExportPersonne): Promise<Uint8Array<ArrayBuffer>> {
  const e = schemaExportPersonne.parse(entree)
  const genereLe = new Date(e.genereLe)
  const genere = dateDocument(genereLe)
  const nomComplet = `${e.personne.nom} ${e.personne.prenom}`
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGE.haut, bottom: MARGE.bas, left: MARGE.gauche, right: MARGE.droite },
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    // Le titre des métadonnées ne nomme pas la personne : un fichier partagé ou indexé ne la trahit pas.
    info: { Title: versWinAnsi('Données personnelles détenues par Passerelle'), Author: 'Passerelle – dispositif ISCG de l’Ain', CreationDate: genereLe, ModDate: genereLe },
  })
  const fin = collecter(doc)

  doc.font('Helvetica-Bold').fontSize(9).fillColor(BLEU).text(versWinAnsi('Préfet de l’Ain · Passerelle · Dispositif ISCG'), MARGE.gauche, MARGE.haut)
  doc.moveDown(0.5)
  doc.font('Helvetica-Bold').fontSize(16).fillColor(NOIR).text(versWinAnsi('Données personnelles détenues par Passerelle'), { width: LARGEUR })
  doc.moveDown(0.2)
  paragraphe(doc, `Réponse à une demande d’accès (article 15 du règlement général sur la protection des données). Document établi le ${genere}.`, 'Helvetica', 9, GRIS)
  titre(doc, 'Personne concernée')
  champ(doc, 'Nom et prénom', nomComplet)
  champ(doc, 'Date de naissance', e.personne.dateNaissance && jourEnMots(e.personne.dateNaissance))
  champ(doc, 'Saisines', e.saisines.length === 0 ? 'aucune saisine ne concerne cette personne' : String(e.saisines.length))
  paragraphe(
    doc,
    'Les saisines sont les demandes d’intervention adressées à l’intervenant social en commissariat et gendarmerie. Pour chacune figurent ce qui a été enregistré, les étapes de son traitement, les actes de l’intervenant, les orientations vers d’autres services, les signalements à l’autorité judiciaire et ce qui a été transmis à l’unité de police ou de gendarmerie qui l’a adressée.',
  )
  e.saisines.forEach((s, i) => saisineEnMots(doc, s, i + 1))

  piedsDePage(doc, genere)
  doc.end()
  return fin
}
