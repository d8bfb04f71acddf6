import { TYPES_ETAPE, type Etape, type Logigramme } from '../../content/schemas/logigramme'
import { disposer, type Boite, type Disposition, type Point, type Trace } from './disposition'
import { graphe, type Graphe } from './graphe'
import { couperLignes, echapper } from './texte'

/**
 * Schéma SVG accessible du logigramme : `role="img"`, un `<title>` et une
 * `<desc>` reliés par `aria-labelledby`. Le schéma ne remplace pas la version
 * texte (alternative.ts), qui se place juste en dessous et reprend les mêmes
 * numéros d'étape.
 */

const POLICE = 'Marianne, arial, sans-serif'
const TAILLE_TITRE = 13
const INTERLIGNE_TITRE = 16
const TAILLE_ENTETE = 11
const TAILLE_LIBELLE = 11
const INTERLIGNE_LIBELLE = 13
const LARGEUR = 210
const MARGE_INTERNE = 10
/** Largeur moyenne d'un caractère, en fraction de la taille de police (Marianne est plutôt large). */
const CHASSE = 0.58

const ACTEURS_COURTS = { FSI: 'FSI', IS: 'IS', partenaire: 'Partenaire' } as const

/** Couleurs du système de design de l'État ; le texte est toujours #161616 sur fond clair (contraste > 12:1). */
const STYLES: Record<Etape['type'], { fond: string; trait: string; epaisseur: number }> = {
  etape: { fond: '#f5f5fe', trait: '#000091', epaisseur: 1.5 },
  question: { fond: '#fef7da', trait: '#716043', epaisseur: 1.5 },
  action: { fond: '#dffee6', trait: '#18753c', epaisseur: 2.5 },
  fin: { fond: '#eeeeee', trait: '#3a3a3a', epaisseur: 1.5 },
}

const margeLaterale = (e: Etape) => (e.type === 'question' ? MARGE_INTERNE + 12 : e.type === 'fin' ? MARGE_INTERNE + 8 : MARGE_INTERNE)
const caracteresParLigne = (e: Etape) => Math.floor((LARGEUR - 2 * margeLaterale(e)) / (TAILLE_TITRE * CHASSE))
const lignesTitre = (e: Etape) => couperLignes(e.titre, caracteresParLigne(e))
const lignesLibelle = (libelle: string) => couperLignes(libelle, Math.floor((LARGEUR - 20) / (TAILLE_LIBELLE * CHASSE)))
const hauteurBoite = (e: Etape) => 2 * MARGE_INTERNE + TAILLE_ENTETE + 6 + lignesTitre(e).length * INTERLIGNE_TITRE

export function dispositionSvg(g: Graphe): Disposition {
  return disposer(g, {
    largeurBoite: LARGEUR,
    espacement: 26,
    ecartCouches: 30,
    marge: 16,
    hauteurBoite,
    hauteurLibelle: (l) => (l ? lignesLibelle(l).length * INTERLIGNE_LIBELLE + 22 : 0),
  })
}

function contour(b: Boite): string {
  const s = STYLES[b.etape.type]
  const { x, y, largeur: w, hauteur: h } = b
  const attrs = `fill="${s.fond}" stroke="${s.trait}" stroke-width="${s.epaisseur}"`
  switch (b.etape.type) {
    case 'question': {
      const p = 12
      return `<path d="M${x + p},${y} H${x + w - p} L${x + w},${y + h / 2} L${x + w - p},${y + h} H${x + p} L${x},${y + h / 2} Z" ${attrs}/>`
    }
    case 'fin':
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${Math.min(h / 2, 22)}" ${attrs}/>`
    case 'action':
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" ${attrs}/>`
    default:
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" ${attrs}/>`
  }
}

function boiteSvg(b: Boite): string {
  const e = b.etape
  const cx = b.x + b.largeur / 2
  const entete = `${b.numero}. ${TYPES_ETAPE[e.type]}${e.acteur ? ` · ${ACTEURS_COURTS[e.acteur]}` : ''}`
  const y0 = b.y + MARGE_INTERNE + TAILLE_ENTETE
  const titre = lignesTitre(e)
    .map((l, i) => `<tspan x="${cx}" y="${y0 + 6 + (i + 1) * INTERLIGNE_TITRE - 3}">${echapper(l)}</tspan>`)
    .join('')
  return (
    // Le <title> d'un groupe donne le titre complet en infobulle ; les lecteurs d'écran lisent la version texte.
    `<g data-etape="${echapper(e.id)}"><title>${echapper(`${b.numero}. ${e.titre}`)}</title>${contour(b)}` +
    `<text x="${cx}" y="${y0}" text-anchor="middle" font-size="${TAILLE_ENTETE}" font-weight="700" fill="#3a3a3a">${echapper(entete)}</text>` +
    `<text text-anchor="middle" font-size="${TAILLE_TITRE}" fill="#161616">${titre}</text></g>`
  )
}

function chemin(points: Point[]): string {
  let d = `M${r(points[0]!.x)},${r(points[0]!.y)}`
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!
    const q = points[i]!
    if (p.x === q.x) d += ` V${r(q.y)}`
    else {
      const m = r((p.y + q.y) / 2)
      d += ` C${r(p.x)},${m} ${r(q.x)},${m} ${r(q.x)},${r(q.y)}`
    }
  }
  return d
}
const r = (n: number) => Math.round(n * 10) / 10

function traceSvg(t: Trace, prefixe: string): string {
  return `<path d="${chemin(t.points)}" fill="none" stroke="#3a3a3a" stroke-width="1.5" marker-end="url(#${prefixe}-fleche)"/>`
}

const largeurEtiquette = (libelle: string) => Math.max(...lignesLibelle(libelle).map((l) => l.length)) * TAILLE_LIBELLE * CHASSE + 8

/**
 * Les libellés des branches qui partent d'une même couche sont à peu près à la
 * même hauteur : on les écarte horizontalement s'ils se chevauchent.
 */
function etiquettesSansChevauchement(d: Disposition): Map<Trace, Point> {
  const places = new Map<Trace, Point>()
  const parCouche = new Map<number, Trace[]>()
  const couche = new Map(d.boites.map((b) => [b.etape.id, b.couche]))
  for (const t of d.traces) if (t.libelle && t.etiquette) parCouche.set(couche.get(t.depuis)!, [...(parCouche.get(couche.get(t.depuis)!) ?? []), t])
  for (const traces of parCouche.values()) {
    const tries = [...traces].sort((a, b) => a.etiquette!.x - b.etiquette!.x)
    const x = tries.map((t) => t.etiquette!.x)
    for (let i = 1; i < tries.length; i++) {
      const min = x[i - 1]! + (largeurEtiquette(tries[i - 1]!.libelle!) + largeurEtiquette(tries[i]!.libelle!)) / 2 + 6
      if (x[i]! < min) x[i] = min
    }
    const decalage = tries.reduce((s, t, i) => s + t.etiquette!.x - x[i]!, 0) / tries.length
    tries.forEach((t, i) => {
      // Jamais collé à la boîte d'arrivée (la flèche doit rester visible).
      const plafond = t.points[1]!.y - (lignesLibelle(t.libelle!).length * INTERLIGNE_LIBELLE + 4) / 2 - 16
      places.set(t, { x: Math.max(x[i]! + decalage, largeurEtiquette(t.libelle!) / 2 + 2), y: Math.min(t.etiquette!.y, plafond) })
    })
  }
  return places
}

function etiquetteSvg(t: Trace, place: Point | undefined): string {
  if (!t.libelle || !place) return ''
  const lignes = lignesLibelle(t.libelle)
  const largeur = largeurEtiquette(t.libelle)
  const hauteur = lignes.length * INTERLIGNE_LIBELLE + 4
  const { x, y } = place
  const haut = y - hauteur / 2
  return (
    `<rect x="${r(x - largeur / 2)}" y="${r(haut)}" width="${r(largeur)}" height="${r(hauteur)}" rx="3" fill="#ffffff" stroke="#929292" stroke-width="0.75"/>` +
    `<text text-anchor="middle" font-size="${TAILLE_LIBELLE}" font-style="italic" fill="#161616">` +
    lignes.map((l, i) => `<tspan x="${r(x)}" y="${r(haut + 2 + (i + 1) * INTERLIGNE_LIBELLE - 3)}">${echapper(l)}</tspan>`).join('') +
    `</text>`
  )
}

export type OptionsSvg = {
  /** Préfixe des identifiants (titre, description, marqueur), unique dans la page. */
  prefixe?: string
  /** Fichier SVG autonome (déclaration XML et espace de noms) plutôt que SVG intégré à une page. */
  autonome?: boolean
}

/** Description courte lue par les lecteurs d'écran ; le détail est dans la version texte. */
export function descriptionSchema(g: Graphe): string {
  const fins = g.ordre.filter((e) => e.branches.length === 0)
  const questions = g.ordre.filter((e) => e.type === 'question').length
  return (
    `Schéma en ${g.ordre.length} étapes numérotées, dont ${questions} questions, du départ « ${g.depart.titre} » ` +
    `à ${fins.length} issues possibles : ${fins.map((e) => `« ${e.titre} »`).join(', ')}. ` +
    `La version texte qui suit le schéma reprend chaque étape, dans le même ordre, avec toutes ses branches.`
  )
}

export function schemaSvg(source: Logigramme | Graphe, options: OptionsSvg = {}): string {
  const g = 'ordre' in source ? source : graphe(source)
  const prefixe = options.prefixe ?? 'logigramme'
  const d = dispositionSvg(g)
  const etiquettes = etiquettesSansChevauchement(d)
  const entete = options.autonome
    ? `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" lang="fr"`
    : `<svg xmlns="http://www.w3.org/2000/svg"`
  return (
    `${entete} role="img" aria-labelledby="${prefixe}-titre ${prefixe}-desc" viewBox="0 0 ${d.largeur} ${d.hauteur}" ` +
    `width="${d.largeur}" height="${d.hauteur}" font-family="${POLICE}" class="logigramme-schema">` +
    `<title id="${prefixe}-titre">${echapper(g.logigramme.titre)}</title>` +
    `<desc id="${prefixe}-desc">${echapper(descriptionSchema(g))}</desc>` +
    `<defs><marker id="${prefixe}-fleche" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="#3a3a3a"/></marker></defs>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g>${d.traces.map((t) => traceSvg(t, prefixe)).join('')}</g>` +
    `<g>${d.boites.map(boiteSvg).join('')}</g>` +
    `<g>${d.traces.map((t) => etiquetteSvg(t, etiquettes.get(t))).join('')}</g>` +
    `</svg>`
  )
}
