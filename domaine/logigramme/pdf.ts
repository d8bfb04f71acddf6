import PDFDocument from 'pdfkit'

import { ACTEURS, ORDRE_PHASES, PHASES, THEMATIQUES, TYPES_ETAPE, type Etape, type Logigramme } from '../../content/schemas/logigramme'
import { A4, collecter, type Doc, versWinAnsi } from '../pdf/commun'
import { graphe, libelleBranche, type Graphe } from './graphe'
import { dateHeureFr } from './texte'

/**
 * Logigramme imprimable, A4 portrait, produit avec pdfkit à la publication du
 * portail : titre, date de génération, étapes numérotées en boîtes (mêmes
 * numéros que le schéma et la version texte) avec leurs branches, pied de page
 * daté et paginé sur chaque feuille.
 *
 * Les polices standard du PDF (Helvetica) n'ont que le jeu de caractères
 * WinAnsi : tout caractère hors de ce jeu est remplacé (voir `versWinAnsi`).
 */

export type OptionsPdf = {
  /** Date de génération imprimée (par défaut : maintenant). */
  date?: Date
  /** Adresse du portail, imprimée en pied de page pour retrouver la version en ligne. */
  adresse?: string
}

const MARGE = { haut: 48, bas: 60, gauche: 46, droite: 46 }
const LARGEUR_UTILE = A4.largeur - MARGE.gauche - MARGE.droite
const COLONNE_NUMERO = 34
const PADDING = 8

const COULEURS: Record<Etape['type'], { fond: string; trait: string; epaisseur: number }> = {
  etape: { fond: '#f5f5fe', trait: '#000091', epaisseur: 1 },
  question: { fond: '#fef7da', trait: '#716043', epaisseur: 1 },
  action: { fond: '#dffee6', trait: '#18753c', epaisseur: 2 },
  fin: { fond: '#eeeeee', trait: '#3a3a3a', epaisseur: 1 },
}

function mesurer(doc: Doc, texte: string, police: string, taille: number, largeur: number) {
  return doc.font(police).fontSize(taille).heightOfString(versWinAnsi(texte), { width: largeur, lineGap: 1 })
}

type Ligne = { texte: string; police: string; taille: number; couleur: string; avant?: number }

function contenuBoite(g: Graphe, e: Etape): Ligne[] {
  const meta = [TYPES_ETAPE[e.type], `phase ${PHASES[e.phase]}`, e.acteur ? ACTEURS[e.acteur] : undefined].filter(Boolean).join(' · ')
  const lignes: Ligne[] = [
    { texte: meta.toLocaleUpperCase('fr'), police: 'Helvetica-Bold', taille: 7.5, couleur: '#3a3a3a' },
    { texte: e.titre, police: 'Helvetica-Bold', taille: 11, couleur: '#161616', avant: 2 },
    { texte: e.texte, police: 'Helvetica', taille: 9, couleur: '#161616', avant: 3 },
  ]
  if (e.fondement) lignes.push({ texte: `Fondement : ${e.fondement}`, police: 'Helvetica-Oblique', taille: 8.5, couleur: '#161616', avant: 3 })
  if (e.thematiques?.length)
    lignes.push({
      texte: `Partenaires à mobiliser (annuaire) : ${e.thematiques.map((c) => THEMATIQUES[c] ?? c).join(' ; ')}`,
      police: 'Helvetica',
      taille: 8.5,
      couleur: '#161616',
      avant: 3,
    })
  const suites = g.suivantes(e.id)
  if (suites.length === 0) lignes.push({ texte: 'Fin du parcours.', police: 'Helvetica-Bold', taille: 9, couleur: '#161616', avant: 4 })
  suites.forEach(({ branche, etape: s }, i) =>
    lignes.push({
      texte: `${libelleBranche(branche)}  →  étape ${g.numero(s.id)} : ${s.titre}`,
      police: 'Helvetica-Bold',
      taille: 9,
      couleur: '#000091',
      avant: i === 0 ? 4 : 1,
    }),
  )
  return lignes
}

function hauteurBoite(doc: Doc, lignes: Ligne[]) {
  const largeur = LARGEUR_UTILE - COLONNE_NUMERO - 2 * PADDING
  return 2 * PADDING + lignes.reduce((h, l) => h + (l.avant ?? 0) + mesurer(doc, l.texte, l.police, l.taille, largeur), 0)
}

function dessinerBoite(doc: Doc, y: number, hauteur: number, numero: number, e: Etape, lignes: Ligne[]) {
  const c = COULEURS[e.type]
  const x = MARGE.gauche
  doc.save()
  doc.lineWidth(c.epaisseur).roundedRect(x, y, LARGEUR_UTILE, hauteur, e.type === 'fin' ? 10 : e.type === 'action' ? 6 : 2).fillAndStroke(c.fond, c.trait)
  // Pastille numérotée
  doc.circle(x + COLONNE_NUMERO / 2 + 2, y + PADDING + 11, 11).fill('#000091')
  doc
    .fillColor('#ffffff')
    .font('Helvetica-Bold')
    .fontSize(numero > 9 ? 9.5 : 11)
    .text(String(numero), x + 2, y + PADDING + (numero > 9 ? 6.5 : 5.5), { width: COLONNE_NUMERO, align: 'center', lineBreak: false })
  doc.restore()
  let yy = y + PADDING
  const xx = x + COLONNE_NUMERO + PADDING
  const largeur = LARGEUR_UTILE - COLONNE_NUMERO - 2 * PADDING
  for (const l of lignes) {
    yy += l.avant ?? 0
    const texte = versWinAnsi(l.texte)
    doc.font(l.police).fontSize(l.taille).fillColor(l.couleur).text(texte, xx, yy, { width: largeur, lineGap: 1 })
    yy += doc.heightOfString(texte, { width: largeur, lineGap: 1 })
  }
}

function enTete(doc: Doc, l: Logigramme, genere: string) {
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#000091').text(versWinAnsi('Préfet de l’Ain · Passerelle · Dispositif ISCG'), MARGE.gauche, MARGE.haut)
  doc.moveDown(0.6)
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#161616').text(versWinAnsi(l.titre), { width: LARGEUR_UTILE })
  doc.moveDown(0.4)
  doc.font('Helvetica').fontSize(9).fillColor('#3a3a3a').text(versWinAnsi(`Document généré le ${genere}. Seule la version en ligne du portail fait foi.`), { width: LARGEUR_UTILE })
  if (l.introduction) {
    doc.moveDown(0.5)
    doc.font('Helvetica').fontSize(9.5).fillColor('#161616').text(versWinAnsi(l.introduction), { width: LARGEUR_UTILE, lineGap: 1 })
  }
  doc.moveDown(0.5)
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .fillColor('#161616')
    .text(versWinAnsi(`Phases : ${ORDRE_PHASES.map((p) => PHASES[p]).join(' › ')}`), { width: LARGEUR_UTILE })
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .text(
      versWinAnsi(
        'Chaque étape est numérotée ; ses branches indiquent l’étape suivante. Transmissions par la messagerie institutionnelle officielle uniquement.',
      ),
      { width: LARGEUR_UTILE },
    )
  doc.moveDown(0.8)
}

function piedsDePage(doc: Doc, genere: string, adresse?: string) {
  const pages = doc.bufferedPageRange()
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i)
    // Écrire dans la marge basse sans que pdfkit ouvre une nouvelle page.
    const basAvant = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = A4.hauteur - MARGE.bas + 22
    doc.moveTo(MARGE.gauche, y - 6).lineTo(A4.largeur - MARGE.droite, y - 6).lineWidth(0.5).stroke('#929292')
    const gauche = versWinAnsi(`Passerelle · Logigramme ISCG de l’Ain · généré le ${genere}${adresse ? ` · ${adresse}` : ''}`)
    doc.font('Helvetica').fontSize(7.5).fillColor('#3a3a3a').text(gauche, MARGE.gauche, y, { width: LARGEUR_UTILE - 70, lineBreak: false })
    doc.text(`Page ${i + 1} / ${pages.count}`, A4.largeur - MARGE.droite - 70, y, { width: 70, align: 'right', lineBreak: false })
    doc.page.margins.bottom = basAvant
  }
}

export function genererPdfLogigramme(source: Logigramme | Graphe, options: OptionsPdf = {}): Promise<Uint8Array<ArrayBuffer>> {
  const g = 'ordre' in source ? source : graphe(source)
  const date = options.date ?? new Date()
  const genere = dateHeureFr(date)
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGE.haut, bottom: MARGE.bas, left: MARGE.gauche, right: MARGE.droite },
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: versWinAnsi(g.logigramme.titre),
      Author: 'Passerelle – dispositif ISCG de l’Ain',
      Subject: versWinAnsi(`Logigramme généré le ${genere}`),
      CreationDate: date,
      ModDate: date,
    },
  })
  const fin = collecter(doc)

  enTete(doc, g.logigramme, genere)
  const bas = A4.hauteur - MARGE.bas
  let y = doc.y
  for (const e of g.ordre) {
    const lignes = contenuBoite(g, e)
    const h = hauteurBoite(doc, lignes)
    if (y + h > bas) {
      doc.addPage()
      y = MARGE.haut
    }
    dessinerBoite(doc, y, h, g.numero(e.id), e, lignes)
    y += h + 8
  }
  piedsDePage(doc, genere, options.adresse)
  doc.end()
  return fin
}

/** PDF d'une page quand le logigramme n'est pas encore renseigné (la publication ne doit pas échouer pour autant). */
export function genererPdfIndisponible(date = new Date()): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGE.haut, bottom: MARGE.bas, left: MARGE.gauche, right: MARGE.droite }, lang: 'fr-FR', info: { Title: 'Logigramme', CreationDate: date } })
  const fin = collecter(doc)
  doc.font('Helvetica-Bold').fontSize(18).text('Logigramme')
  doc.moveDown()
  doc.font('Helvetica').fontSize(11).text(versWinAnsi(`Le logigramme n’est pas encore renseigné (document généré le ${dateHeureFr(date)}).`))
  doc.end()
  return fin
}
