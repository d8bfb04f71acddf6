import PDFDocument from 'pdfkit'

import { A4, collecter, type Doc, versWinAnsi } from '../pdf/commun'
import { dateEnMots } from '../temps/en-mots'
import { type Cellule, noteSecret, type Rapport, type TableauRapport } from './rapport'

/**
 * Le rapport d'activité en PDF (pdfkit) : couverture, sommaire, les neuf
 * indicateurs (définition, graphique en barres, tableau avec la comparaison),
 * les règles de comptage, et les notes qualitatives de la coordination. Sur
 * un trimestre : le rapport trimestriel aux financeurs ; sur un mois : le
 * bilan mensuel de la préfecture, même contenu, titre adapté.
 *
 * Les notes arrivent déjà nettoyées (`nettoyerNotes`) et ne sont jamais
 * gardées : elles n'existent que dans le fichier rendu.
 */

export const NOTES_MAX = 8000

/**
 * Notes de la coordination : texte brut, sans caractères de contrôle (hors
 * fins de ligne), lignes vides réduites, borné. Null si vide.
 */
export function nettoyerNotes(brut: unknown): { ok: true; notes: string | null } | { ok: false; erreur: string } {
  if (brut === undefined || brut === null) return { ok: true, notes: null }
  if (typeof brut !== 'string') return { ok: false, erreur: 'Notes : texte attendu' }
  const texte = brut
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: on retire justement les caractères de contrôle.
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  if (texte.length > NOTES_MAX) return { ok: false, erreur: `Notes : ${NOTES_MAX} caractères au plus (${texte.length} reçus)` }
  return { ok: true, notes: texte || null }
}

export const titreRapport = (r: Rapport) =>
  r.periode.type === 'mois' ? `Bilan mensuel d’activité — ${r.libelle}` : r.periode.type === 'trimestre' ? `Rapport trimestriel d’activité — ${r.libelle}` : `Rapport d’activité — ${r.libelle}`

const MARGE = 50
const LARGEUR = A4.largeur - 2 * MARGE
const BLEU = '#000091'
const NOIR = '#161616'
const GRIS = '#555555'
const BAS = A4.hauteur - MARGE

const t = versWinAnsi

function place(doc: Doc, hauteur: number) {
  if (doc.y + hauteur > BAS) doc.addPage()
}

function graphique(doc: Doc, tableau: TableauRapport) {
  const lignes = tableau.lignes
  if (!lignes.length) return
  const h = 12
  const max = Math.max(0, ...lignes.map((l) => l.periode.valeur ?? 0))
  const colLibelle = 170
  const zone = LARGEUR - colLibelle - 60
  place(doc, Math.min(lignes.length, 12) * (h + 3) + 10)
  for (const l of lignes) {
    place(doc, h + 3)
    const y = doc.y
    doc.fillColor(NOIR).fontSize(8).font('Helvetica').text(t(l.libelle), MARGE, y + 2, { width: colLibelle - 8, height: h, ellipsis: true, lineBreak: false })
    const long = l.periode.valeur !== null && max > 0 ? Math.max(l.periode.valeur > 0 ? 1 : 0, (l.periode.valeur / max) * zone) : 0
    if (long > 0) doc.rect(MARGE + colLibelle, y, long, h).fill(BLEU)
    doc.fillColor(NOIR).font(l.periode.valeur === null ? 'Helvetica-Oblique' : 'Helvetica').text(t(l.periode.affichage), MARGE + colLibelle + long + 4, y + 2, { lineBreak: false })
    doc.x = MARGE
    doc.y = y + h + 3
  }
  doc.moveDown(0.5)
}

function tableauPdf(doc: Doc, r: Rapport, tableau: TableauRapport) {
  const cols = [LARGEUR - 3 * 95, 95, 95, 95]
  const ligne = (cellules: string[], gras: boolean) => {
    const hauteurs = cellules.map((c, k) => doc.font(gras ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).heightOfString(t(c), { width: cols[k]! - 6 }))
    const h = Math.max(...hauteurs) + 4
    place(doc, h)
    const y = doc.y
    let x = MARGE
    cellules.forEach((c, k) => {
      doc.fillColor(NOIR).font(gras ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).text(t(c), x + 3, y + 2, { width: cols[k]! - 6, align: k === 0 ? 'left' : 'right' })
      x += cols[k]!
    })
    doc.moveTo(MARGE, y + h).lineTo(MARGE + LARGEUR, y + h).lineWidth(0.3).strokeColor('#bbbbbb').stroke()
    doc.x = MARGE
    doc.y = y + h
  }
  const aff = (c: Cellule) => c.affichage
  ligne(['', r.libelle, r.libellePrecedente, r.libelleAnPasse], true)
  for (const l of tableau.lignes) ligne([l.libelle, aff(l.periode), aff(l.precedente), aff(l.anPasse)], false)
  if (tableau.total) ligne([tableau.total.libelle, aff(tableau.total.periode), aff(tableau.total.precedente), aff(tableau.total.anPasse)], true)
  doc.moveDown(0.8)
}

const titre2 = (doc: Doc, texte: string) => {
  place(doc, 60)
  doc.fillColor(BLEU).font('Helvetica-Bold').fontSize(15).text(t(texte), MARGE, doc.y, { width: LARGEUR })
  doc.moveDown(0.4)
}
const paragraphe = (doc: Doc, texte: string, taille = 9, couleur = NOIR) => {
  doc.fillColor(couleur).font('Helvetica').fontSize(taille).text(t(texte), MARGE, doc.y, { width: LARGEUR, align: 'left' })
  doc.moveDown(0.5)
}

export type OptionsRapportPdf = { generation: Date; notes?: string | null }

export async function rapportPdf(r: Rapport, o: OptionsRapportPdf): Promise<Uint8Array<ArrayBuffer>> {
  const titre = titreRapport(r)
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGE, bottom: MARGE, left: MARGE, right: MARGE },
    info: { Title: t(titre), Author: 'Passerelle', Subject: t(`Indicateurs d’activité, ${r.libelle}, ${r.perimetre}`) },
    lang: 'fr-FR',
    pdfVersion: '1.7',
    displayTitle: true,
  })
  const octets = collecter(doc)

  // Couverture
  doc.y = 220
  doc.fillColor(BLEU).font('Helvetica-Bold').fontSize(24).text(t(titre), MARGE, doc.y, { width: LARGEUR })
  doc.moveDown(1)
  paragraphe(doc, 'Intervenants sociaux en commissariat et gendarmerie (ISCG)', 13)
  paragraphe(doc, `Période : ${r.libelle} (du ${r.bornes.du} au ${r.bornes.au})`, 11)
  paragraphe(doc, `Périmètre : ${r.perimetre}`, 11)
  paragraphe(doc, `Comparaison : ${r.libellePrecedente} ; ${r.libelleAnPasse}`, 11)
  paragraphe(doc, `Document produit le ${dateEnMots(o.generation, { avecAnnee: true })} à partir des saisines, actes et orientations enregistrés : aucun chiffre n’est saisi à la main.`, 10, GRIS)
  if (r.seuil !== null) paragraphe(doc, noteSecret(r.seuil), 10, GRIS)

  // Sommaire
  doc.addPage()
  titre2(doc, 'Sommaire')
  const sommaire = [...r.sections.map((s) => s.titre), 'Règles de comptage', ...(o.notes ? ['Notes de la coordination'] : [])]
  for (const s of sommaire) paragraphe(doc, s, 11)

  for (const s of r.sections) {
    doc.addPage()
    titre2(doc, s.titre)
    paragraphe(doc, s.definition, 8, GRIS)
    for (const tab of s.tableaux) {
      place(doc, 80)
      doc.fillColor(NOIR).font('Helvetica-Bold').fontSize(10).text(t(tab.titre), MARGE, doc.y, { width: LARGEUR })
      doc.moveDown(0.3)
      if (tab.total) graphique(doc, tab)
      tableauPdf(doc, r, tab)
    }
  }

  doc.addPage()
  titre2(doc, 'Règles de comptage')
  paragraphe(doc, r.reglesCommunes, 9)
  for (const s of r.sections) {
    place(doc, 40)
    doc.fillColor(NOIR).font('Helvetica-Bold').fontSize(9).text(t(s.titre), MARGE, doc.y, { width: LARGEUR })
    paragraphe(doc, s.definition, 8)
  }
  if (o.notes) {
    doc.addPage()
    titre2(doc, 'Notes de la coordination')
    paragraphe(doc, o.notes, 10)
  }
  doc.end()
  return octets
}
