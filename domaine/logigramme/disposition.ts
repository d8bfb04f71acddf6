import type { Etape } from '../../content/schemas/logigramme'
import type { Graphe } from './graphe'

/**
 * Disposition en couches du logigramme (méthode de Sugiyama simplifiée),
 * calculée dans le code à partir des données : aucune coordonnée n'est saisie
 * par l'opérateur.
 *
 * 1. couche d'une étape = longueur du plus long chemin depuis le départ ;
 * 2. une branche qui saute des couches passe par des points virtuels, un par
 *    couche traversée, pour ne jamais couper une boîte ;
 * 3. ordre dans chaque couche : balayages par barycentre, en gardant l'ordre
 *    qui croise le moins de branches ;
 * 4. abscisses : chaque nœud est tiré vers la moyenne de ses voisins, dans le
 *    respect de l'ordre et d'un espacement minimal.
 */

export type OptionsDisposition = {
  largeurBoite: number
  /** Espace horizontal minimal entre deux boîtes (ou points de passage) d'une couche. */
  espacement: number
  /** Espace vertical minimal entre deux couches, hors libellés de branches. */
  ecartCouches: number
  marge: number
  /** Hauteur d'une boîte selon l'étape (mesure du texte par le rendu). */
  hauteurBoite: (e: Etape) => number
  /** Hauteur du libellé d'une branche (0 sans libellé). */
  hauteurLibelle: (libelle: string | undefined) => number
}

export type Boite = { etape: Etape; numero: number; couche: number; x: number; y: number; largeur: number; hauteur: number }
export type Point = { x: number; y: number }
export type Trace = { depuis: string; vers: string; index: number; libelle?: string; points: Point[]; etiquette?: Point }
export type Disposition = { boites: Boite[]; traces: Trace[]; largeur: number; hauteur: number; couches: number }

type Noeud = { cle: string; etape?: Etape; couche: number; largeur: number; rang: number; x: number }

const LARGEUR_VIRTUELLE = 12

export function disposer(g: Graphe, o: OptionsDisposition): Disposition {
  // 1. Couches
  const couche = new Map<string, number>()
  for (const e of g.ordre) {
    const c = couche.get(e.id) ?? 0
    couche.set(e.id, c)
    for (const b of e.branches) couche.set(b.vers, Math.max(couche.get(b.vers) ?? 0, c + 1))
  }
  const nbCouches = Math.max(...couche.values()) + 1

  // 2. Nœuds réels et virtuels, arêtes entre couches voisines
  const noeuds = new Map<string, Noeud>()
  const couches: Noeud[][] = Array.from({ length: nbCouches }, () => [])
  const ajouter = (n: Noeud) => {
    noeuds.set(n.cle, n)
    couches[n.couche]!.push(n)
  }
  for (const e of g.ordre) ajouter({ cle: e.id, etape: e, couche: couche.get(e.id)!, largeur: o.largeurBoite, rang: g.numero(e.id), x: 0 })
  const aretes: [string, string][] = []
  const chaines = new Map<string, string[]>()
  for (const e of g.ordre)
    e.branches.forEach((b, i) => {
      const chaine = [e.id]
      for (let c = couche.get(e.id)! + 1; c < couche.get(b.vers)!; c++) {
        const cle = `${e.id}>${i}@${c}`
        ajouter({ cle, couche: c, largeur: LARGEUR_VIRTUELLE, rang: g.numero(e.id) + 0.5, x: 0 })
        chaine.push(cle)
      }
      chaine.push(b.vers)
      for (let k = 1; k < chaine.length; k++) aretes.push([chaine[k - 1]!, chaine[k]!])
      chaines.set(`${e.id}>${i}`, chaine)
    })
  const preds = new Map<string, string[]>()
  const succs = new Map<string, string[]>()
  for (const [a, b] of aretes) {
    preds.set(b, [...(preds.get(b) ?? []), a])
    succs.set(a, [...(succs.get(a) ?? []), b])
  }

  // 3. Ordre dans les couches
  for (const c of couches) c.sort((a, b) => a.rang - b.rang)
  const positions = () => new Map(couches.flatMap((c) => c.map((n, i) => [n.cle, i] as const)))
  const croisements = () => {
    const pos = positions()
    let total = 0
    for (let c = 0; c + 1 < nbCouches; c++) {
      const entre = aretes.filter(([a]) => noeuds.get(a)!.couche === c).map(([a, b]) => [pos.get(a)!, pos.get(b)!] as const)
      for (let i = 0; i < entre.length; i++)
        for (let j = i + 1; j < entre.length; j++) {
          const [a1, b1] = entre[i]!
          const [a2, b2] = entre[j]!
          if ((a1 - a2) * (b1 - b2) < 0) total++
        }
    }
    return total
  }
  let meilleur = couches.map((c) => [...c])
  let moins = croisements()
  for (let passe = 0; passe < 8 && moins > 0; passe++) {
    const descendante = passe % 2 === 0
    const indices = descendante ? [...Array(nbCouches).keys()].slice(1) : [...Array(nbCouches).keys()].reverse().slice(1)
    for (const c of indices) {
      const pos = positions()
      const voisins = descendante ? preds : succs
      const bary = new Map(
        couches[c]!.map((n, i) => {
          const v = voisins.get(n.cle) ?? []
          return [n.cle, v.length > 0 ? v.reduce((s, k) => s + pos.get(k)!, 0) / v.length : i] as const
        }),
      )
      couches[c]!.sort((a, b) => bary.get(a.cle)! - bary.get(b.cle)! || a.rang - b.rang)
    }
    const n = croisements()
    if (n < moins) {
      moins = n
      meilleur = couches.map((c) => [...c])
    }
  }
  meilleur.forEach((c, i) => (couches[i] = c))

  // 4. Abscisses (centres) : empilement, puis attraction vers les voisins
  const tasser = (c: Noeud[], souhaits: number[]) => {
    const x = [...souhaits]
    for (let i = 1; i < c.length; i++) {
      const min = x[i - 1]! + (c[i - 1]!.largeur + c[i]!.largeur) / 2 + o.espacement
      if (x[i]! < min) x[i] = min
    }
    // Recentrage : l'écart moyen aux souhaits est nul, l'ordre et les espacements sont gardés.
    const decalage = souhaits.reduce((s, v, i) => s + v - x[i]!, 0) / c.length
    c.forEach((n, i) => (n.x = x[i]! + decalage))
  }
  for (const c of couches) tasser(c, c.map((_, i) => i * (o.largeurBoite + o.espacement)))
  const attirer = (vers: 'haut' | 'bas') => {
    const indices = vers === 'haut' ? [...Array(nbCouches).keys()].slice(1) : [...Array(nbCouches).keys()].reverse().slice(1)
    for (const c of indices) {
      const voisins = vers === 'haut' ? preds : succs
      tasser(
        couches[c]!,
        couches[c]!.map((n) => {
          const v = voisins.get(n.cle) ?? []
          return v.length > 0 ? v.reduce((s, k) => s + noeuds.get(k)!.x, 0) / v.length : n.x
        }),
      )
    }
  }
  for (let i = 0; i < 4; i++) {
    attirer('bas')
    attirer('haut')
  }
  const gauche = Math.min(...[...noeuds.values()].map((n) => n.x - n.largeur / 2))
  for (const n of noeuds.values()) n.x = Math.round(n.x - gauche + o.marge)

  // 5. Ordonnées : hauteur de couche = plus haute boîte ; écart = place des libellés
  const hauteurs = couches.map((c) => Math.max(0, ...c.filter((n) => n.etape).map((n) => o.hauteurBoite(n.etape!))))
  const libellesSortants = couches.map((c) =>
    Math.max(0, ...c.filter((n) => n.etape).flatMap((n) => n.etape!.branches.map((b) => o.hauteurLibelle(b.libelle)))),
  )
  const hauts: number[] = []
  let y = o.marge
  for (let c = 0; c < nbCouches; c++) {
    hauts.push(y)
    y += hauteurs[c]! + o.ecartCouches + libellesSortants[c]!
  }
  const hauteurTotale = y - o.ecartCouches - libellesSortants[nbCouches - 1]! + o.marge

  const boites: Boite[] = g.ordre.map((e) => {
    const n = noeuds.get(e.id)!
    const h = o.hauteurBoite(e)
    return { etape: e, numero: g.numero(e.id), couche: n.couche, x: n.x - o.largeurBoite / 2, y: hauts[n.couche]!, largeur: o.largeurBoite, hauteur: h }
  })
  const boite = new Map(boites.map((b) => [b.etape.id, b]))

  // 6. Tracés : ports de sortie et d'entrée répartis selon la direction, pour ne pas croiser au départ.
  const ports = (cles: string[], x: (k: string) => number, largeur: number) => {
    const tries = [...cles].sort((a, b) => x(a) - x(b))
    const pas = Math.min(22, largeur / (cles.length + 1))
    return new Map(tries.map((k, i) => [k, (i - (cles.length - 1) / 2) * pas]))
  }
  const traces: Trace[] = []
  const entrees = new Map<string, string[]>()
  for (const [cle, chaine] of chaines) {
    const avantDerniere = chaine[chaine.length - 2]!
    const cible = chaine[chaine.length - 1]!
    entrees.set(cible, [...(entrees.get(cible) ?? []), `${cle}|${avantDerniere}`])
  }
  const portsEntree = new Map<string, Map<string, number>>()
  for (const [cible, liste] of entrees)
    portsEntree.set(cible, ports(liste, (k) => noeuds.get(k.split('|')[1]!)!.x, o.largeurBoite * 0.6))
  for (const e of g.ordre) {
    const b0 = boite.get(e.id)!
    const sorties = ports(
      e.branches.map((_, i) => `${i}`),
      (k) => noeuds.get(chaines.get(`${e.id}>${k}`)![1]!)!.x,
      o.largeurBoite * 0.8,
    )
    e.branches.forEach((b, i) => {
      const cle = `${e.id}>${i}`
      const chaine = chaines.get(cle)!
      const points: Point[] = [{ x: b0.x + b0.largeur / 2 + sorties.get(`${i}`)!, y: b0.y + b0.hauteur }]
      for (const k of chaine.slice(1, -1)) {
        const n = noeuds.get(k)!
        points.push({ x: n.x, y: hauts[n.couche]! }, { x: n.x, y: hauts[n.couche]! + hauteurs[n.couche]! })
      }
      const cible = boite.get(b.vers)!
      const entree = portsEntree.get(b.vers)!.get(`${cle}|${chaine[chaine.length - 2]}`) ?? 0
      points.push({ x: cible.x + cible.largeur / 2 + entree, y: cible.y })
      const [p, q] = [points[0]!, points[1]!]
      traces.push({
        depuis: e.id,
        vers: b.vers,
        index: i,
        libelle: b.libelle,
        points,
        // Sur la première portion, près de son arrivée : là où les branches d'une question se sont écartées.
        etiquette: b.libelle ? pointBezier(p, q, 0.78) : undefined,
      })
    })
  }

  const largeur = Math.max(...[...noeuds.values()].map((n) => n.x + n.largeur / 2)) + o.marge
  return { boites, traces, largeur: Math.ceil(largeur), hauteur: Math.ceil(hauteurTotale), couches: nbCouches }
}

/** Point d'une courbe de Bézier verticale (tangentes verticales aux deux bouts) entre p et q. */
export function pointBezier(p: Point, q: Point, t: number): Point {
  const m = (p.y + q.y) / 2
  const u = 1 - t
  return {
    x: u * u * u * p.x + 3 * u * u * t * p.x + 3 * u * t * t * q.x + t * t * t * q.x,
    y: u * u * u * p.y + 3 * u * u * t * m + 3 * u * t * t * m + t * t * t * q.y,
  }
}
