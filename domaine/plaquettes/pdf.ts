import PDFDocument from 'pdfkit'
import { z } from 'zod'

import { A4, collecter, type Doc, versWinAnsi } from '../pdf/commun'
import { dateCivileEnMots, dateEnMots } from '../temps/en-mots'
import { horaireEnMots } from '../permanences/en-mots'
import { jourLocal } from '../temps/paris'

/**
 * Plaquette d'un poste d'intervenant social (IS), A4 portrait, une page (deux
 * au plus), produite avec pdfkit à chaque publication du portail.
 *
 * Contenu (cadre opérationnel ANISCG, II.2 « Communiquer sur le poste
 * d'intervenant social ») : coordonnées, lieux et horaires des permanences,
 * rôle et missions, thèmes d'intervention ; plus, d'après le cahier des charges
 * de l'Ain, qui peut saisir l'IS et comment, les numéros d'urgence et la règle
 * de confidentialité (messagerie institutionnelle uniquement). Coordonnées
 * institutionnelles du poste seulement : aucun nom de personne.
 *
 * Module pur : aucune dépendance vers Payload ; les données arrivent déjà
 * assemblées (voir site/pages/plaquettes/poste/[slug].pdf.ts).
 */

const texte = z.string().trim().min(1)

export const donneesPlaquetteSchema = z.object({
  /** « Bresse-Dombes ». */
  secteur: texte,
  telephone: texte.optional(),
  courriel: z.email().optional(),
  presentation: texte.optional(),
  /** Commissariats et unités de gendarmerie du secteur (pas les lieux de permanence). */
  unites: z.array(z.object({ nom: texte, commune: texte.optional() })).default([]),
  /** Lieux de permanence et leur rythme en mots (« chaque mardi après-midi »). */
  permanences: z.array(z.object({ lieu: texte, adresse: texte.optional(), rythme: texte })).default([]),
  /** Occurrences à venir (déjà sans les annulées) ; la plaquette retient les 3 prochaines après la date de génération. */
  occurrences: z.array(z.object({ debut: z.date(), fin: z.date(), lieu: texte })).default([]),
  /** Référentiel « numero-urgence ». */
  urgences: z.array(z.object({ numero: texte, libelle: texte, description: texte.optional() })).default([]),
  /** Thèmes d'intervention (par défaut : ceux du cahier des charges). */
  themes: z.array(texte).optional(),
  /** Adresse de la page du poste sur le portail, imprimée en pied de page. */
  adresse: z.url().optional(),
})

export type DonneesPlaquette = z.input<typeof donneesPlaquetteSchema>
export type OptionsPlaquette = { generation: Date }

export const THEMES: readonly string[] = [
  'violences conjugales et intrafamiliales, violences faites aux femmes',
  'mineurs en danger ou en voie de victimisation, primo-délinquants',
  'conflits familiaux et de voisinage',
  'détresse ou difficulté sociale (logement, ressources, accès aux droits)',
  'personnes vulnérables (âge, handicap, isolement, santé mentale)',
  'mis en cause et leurs familles (addictions, soins, prévention de la récidive)',
]

const ROLE_FAIT = [
  'écoute et entretien confidentiel, sur la base de la libre adhésion de la personne ;',
  'évaluation de la dimension sociale de la situation relevée par la police ou la gendarmerie ;',
  'information sur les droits et les démarches, appui aux démarches administratives ;',
  'orientation vers les services sociaux, médicaux, judiciaires ou associatifs les mieux à même d’aider, et lien avec eux.',
]
const ROLE_NE_FAIT_PAS = [
  'pas de prise en charge sociale globale ni de suivi sur le long terme (relais vers les partenaires) ;',
  'pas de participation aux enquêtes ni aux investigations judiciaires ;',
  'pas d’aide aux victimes dans le champ pénal (assurée par les associations spécialisées).',
]
const SAISINE = [
  'les policiers et gendarmes (FSI) qui repèrent une situation de difficulté sociale : intervention, appel, accueil, dossier ; en gendarmerie par fiche de liaison ;',
  'la personne elle-même (victime, personne en difficulté, mis en cause, famille) : par téléphone, ou en venant à une permanence ;',
  'auto-saisine de l’intervenant social (main courante, synthèse hebdomadaire de la gendarmerie).',
]

const MARGE = { haut: 40, bas: 52, gauche: 46, droite: 46 }
const LARGEUR = A4.largeur - MARGE.gauche - MARGE.droite
const BLEU = '#000091'
const NOIR = '#161616'
const GRIS = '#3a3a3a'


/** « 26 novembre 2026 », à l'heure de Paris. */
export function dateGenerationEnMots(date: Date): string {
  return dateCivileEnMots(jourLocal(date), true).replace(/^\S+ /, '')
}

function titreSection(doc: Doc, titre: string) {
  doc.moveDown(0.45)
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(BLEU).text(versWinAnsi(titre), MARGE.gauche, doc.y, { width: LARGEUR })
  doc.moveDown(0.15)
}

function paragraphe(doc: Doc, contenu: string, police = 'Helvetica', taille = 9, couleur = NOIR) {
  doc.font(police).fontSize(taille).fillColor(couleur).text(versWinAnsi(contenu), MARGE.gauche, doc.y, { width: LARGEUR, lineGap: 1 })
}

function puces(doc: Doc, lignes: readonly string[], taille = 9) {
  doc
    .font('Helvetica')
    .fontSize(taille)
    .fillColor(NOIR)
    .list(lignes.map(versWinAnsi), MARGE.gauche + 6, doc.y, { width: LARGEUR - 6, bulletRadius: 1.6, textIndent: 10, lineGap: 1, paragraphGap: 1 })
}

/** Une ligne « libellé en gras : suite ». */
function ligneGras(doc: Doc, gras: string, suite: string, taille = 9) {
  doc
    .font('Helvetica-Bold')
    .fontSize(taille)
    .fillColor(NOIR)
    .text(versWinAnsi(gras), MARGE.gauche + 6, doc.y, { width: LARGEUR - 6, lineGap: 1, continued: true })
    .font('Helvetica')
    .text(versWinAnsi(suite))
}

/** Numéros d'urgence sur deux colonnes (numéro en gras, libellé court) : la plaquette tient sur une page. */
function urgences(doc: Doc, liste: readonly { numero: string; libelle: string }[]) {
  const largeur = (LARGEUR - 16) / 2
  let y = doc.y
  const basPage = A4.hauteur - MARGE.bas
  for (let i = 0; i < liste.length; i += 2) {
    const paire = liste.slice(i, i + 2)
    const hauteur = Math.max(
      ...paire.map((u) => doc.font('Helvetica').fontSize(9).heightOfString(versWinAnsi(`${u.numero} : ${u.libelle}`), { width: largeur, lineGap: 1 })),
    )
    if (y + hauteur > basPage) {
      doc.addPage()
      y = MARGE.haut
    }
    let bas = y
    paire.forEach((u, j) => {
      const x = MARGE.gauche + 6 + j * (largeur + 10)
      doc
        .font('Helvetica-Bold')
        .fontSize(9)
        .fillColor(NOIR)
        .text(versWinAnsi(`${u.numero} : `), x, y, { width: largeur, lineGap: 1, continued: true })
        .font('Helvetica')
        .text(versWinAnsi(u.libelle))
      bas = Math.max(bas, doc.y)
    })
    y = bas + 1
  }
  doc.x = MARGE.gauche
  doc.y = y
}

function piedsDePage(doc: Doc, genere: string, adresse?: string) {
  const pages = doc.bufferedPageRange()
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i)
    const basAvant = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = A4.hauteur - MARGE.bas + 20
    doc.moveTo(MARGE.gauche, y - 6).lineTo(A4.largeur - MARGE.droite, y - 6).lineWidth(0.5).stroke('#929292')
    const gauche = versWinAnsi(`Passerelle · Dispositif ISCG de l’Ain · plaquette générée le ${genere}${adresse ? ` · ${adresse}` : ''}`)
    doc.font('Helvetica').fontSize(7.5).fillColor(GRIS).text(gauche, MARGE.gauche, y, { width: LARGEUR - 60, lineBreak: false })
    doc.text(`Page ${i + 1} / ${pages.count}`, A4.largeur - MARGE.droite - 60, y, { width: 60, align: 'right', lineBreak: false })
    doc.page.margins.bottom = basAvant
  }
}

export function plaquettePoste(entree: DonneesPlaquette, options: OptionsPlaquette): Promise<Uint8Array<ArrayBuffer>> {
  const d = donneesPlaquetteSchema.parse(entree)
  const date = options.generation
  const genere = dateGenerationEnMots(date)
  const titre = `Intervenant social en commissariat et gendarmerie – ${d.secteur}`
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGE.haut, bottom: MARGE.bas, left: MARGE.gauche, right: MARGE.droite },
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: versWinAnsi(titre),
      Author: 'Passerelle – dispositif ISCG de l’Ain',
      Subject: versWinAnsi(`Plaquette générée le ${genere}`),
      CreationDate: date,
      ModDate: date,
    },
  })
  const fin = collecter(doc)

  // En-tête
  doc.font('Helvetica-Bold').fontSize(9).fillColor(BLEU).text(versWinAnsi('Préfet de l’Ain · Passerelle · Dispositif ISCG'), MARGE.gauche, MARGE.haut)
  doc.moveDown(0.5)
  // Le secteur sur sa propre ligne : pas de coupure au milieu de « Bresse-Dombes ».
  doc.font('Helvetica-Bold').fontSize(16).fillColor(NOIR).text(versWinAnsi('Intervenant social en commissariat et gendarmerie –'), { width: LARGEUR })
  doc.fontSize(18).fillColor(BLEU).text(versWinAnsi(d.secteur), { width: LARGEUR })
  doc.moveDown(0.2)
  paragraphe(doc, `Plaquette générée le ${genere}. Seule la version en ligne du portail fait foi.`, 'Helvetica', 8.5, GRIS)
  doc.moveDown(0.4)
  paragraphe(
    doc,
    d.presentation ??
      'L’intervenant social fait le lien entre la police, la gendarmerie et les services sociaux, médicaux et judiciaires, pour les personnes en détresse sociale repérées par les forces de sécurité intérieure.',
  )

  // Coordonnées : encadré
  titreSection(doc, 'Contacter l’intervenant social du secteur')
  const yCadre = doc.y
  const lignesContact = [
    d.telephone ? `Téléphone : ${d.telephone}` : undefined,
    d.courriel ? `Messagerie institutionnelle : ${d.courriel}` : undefined,
  ].filter((l): l is string => Boolean(l))
  if (lignesContact.length === 0) lignesContact.push('Coordonnées à préciser : voir le portail Passerelle.')
  const hCadre = 12 + lignesContact.length * 15
  doc.save().lineWidth(1).rect(MARGE.gauche, yCadre, LARGEUR, hCadre).fillAndStroke('#f5f5fe', BLEU).restore()
  doc.y = yCadre + 6
  for (const l of lignesContact)
    doc.font('Helvetica-Bold').fontSize(11).fillColor(NOIR).text(versWinAnsi(l), MARGE.gauche + 10, doc.y, { width: LARGEUR - 20, lineGap: 3 })
  doc.y = yCadre + hCadre
  doc.moveDown(0.2)
  paragraphe(
    doc,
    'Confidentialité : l’entretien est confidentiel et couvert par le secret professionnel. Les informations sur une situation se transmettent par la messagerie institutionnelle officielle uniquement, jamais par une messagerie personnelle.',
    'Helvetica-Oblique',
    8.5,
  )

  // Permanences
  titreSection(doc, 'Lieux et horaires des permanences')
  if (d.permanences.length === 0) paragraphe(doc, 'Permanences à préciser : voir le portail Passerelle.')
  for (const p of d.permanences) ligneGras(doc, `${p.lieu}${p.adresse ? ` (${p.adresse})` : ''} : `, p.rythme)
  const anneeGeneration = jourLocal(date).slice(0, 4)
  const prochaines = d.occurrences
    .filter((o) => o.fin > date)
    .sort((a, b) => a.debut.getTime() - b.debut.getTime())
    .slice(0, 3)
  doc.moveDown(0.25)
  paragraphe(doc, 'Prochaines permanences :', 'Helvetica-Bold')
  if (prochaines.length === 0) puces(doc, ['à préciser'])
  else
    puces(
      doc,
      prochaines.map(
        (o) => `${dateEnMots(o.debut, { avecAnnee: jourLocal(o.debut).slice(0, 4) !== anneeGeneration })}, ${horaireEnMots(o.debut, o.fin)}, ${o.lieu}`,
      ),
    )
  if (d.unites.length) {
    doc.moveDown(0.25)
    paragraphe(
      doc,
      `Intervient aussi auprès de : ${d.unites.map((u) => (u.commune && !u.nom.includes(u.commune) ? `${u.nom} (${u.commune})` : u.nom)).join(' ; ')}.`,
    )
  }

  // Rôle
  titreSection(doc, 'Son rôle')
  paragraphe(doc, 'L’intervenant social propose :', 'Helvetica-Bold')
  puces(doc, ROLE_FAIT)
  doc.moveDown(0.15)
  paragraphe(doc, 'Ce qu’il ne fait pas :', 'Helvetica-Bold')
  puces(doc, ROLE_NE_FAIT_PAS)

  // Thèmes
  titreSection(doc, 'Pour quelles situations ?')
  puces(doc, d.themes ?? THEMES)

  // Saisine
  titreSection(doc, 'Qui peut le solliciter, et comment ?')
  puces(doc, SAISINE)

  // Urgences
  titreSection(doc, 'En dehors de sa présence, ou en cas d’urgence')
  urgences(doc, d.urgences.length ? d.urgences : [{ numero: '17 ou 112', libelle: 'danger immédiat' }])

  piedsDePage(doc, genere, d.adresse)
  doc.end()
  return fin
}
