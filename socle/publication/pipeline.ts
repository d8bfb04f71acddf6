import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import path from 'node:path'

import { heureLocale } from '../../domaine/temps'

/**
 * Pipeline de publication du portail statique.
 *
 * Chaque enregistrement dans l'admin demande une publication ; les demandes
 * rapprochées sont regroupées (délai de `delaiMs`), puis le site est reconstruit
 * dans un dossier neuf. Seule une construction réussie est mise en service, par
 * le remplacement atomique d'un lien symbolique (`courant`) : le serveur lit
 * toujours un site complet, et un échec laisse en place le dernier site valide.
 *
 * Un arrêt brutal (coupure, OOM, kill -9) ne doit jamais coûter une modification
 * enregistrée : chaque demande écrit sur disque un marqueur « demande en
 * attente », effacé seulement par une publication réussie qui l'a prise en
 * compte. Au démarrage, un marqueur présent veut dire qu'une modification n'a
 * pas été publiée : on republie (voir `reprendre`).
 */

export const STATUTS_PUBLICATION = ['jamais', 'planifiee', 'en-cours', 'reussie', 'echouee'] as const

export type EtatPublication = {
  statut: (typeof STATUTS_PUBLICATION)[number]
  raison?: string
  debut?: string
  derniereReussite?: string
  dureeMs?: number
  erreur?: string
  resume: string
}

export type Constructeur = (dossierSortie: string) => Promise<void>

export type OptionsPipeline = {
  dossier: string
  delaiMs: number
  construire: Constructeur
  /** Empreinte du code, écrite avec chaque construction. */
  empreinte?: string
  surEtat?: (etat: EtatPublication) => void | Promise<void>
  /** Nombre de constructions gardées (hors dossier épinglé). */
  conserver?: number
}

/** Première ligne (le constat) et fin du journal (la cause) : l'opérateur voit les deux. */
export function resumerErreur(message: string, max = 2000): string {
  if (message.length <= max) return message
  const [constat] = message.split('\n', 1)
  return `${constat}\n…\n${message.slice(-(max - constat.length - 3))}`
}

const heure = (d: Date) => heureLocale(d)

const PREFIXE_REPRISE = 'reprise après un arrêt du serveur : '

/** Écriture durable : le fichier est écrit, synchronisé sur le disque, puis renommé (jamais lu à moitié écrit). */
function ecrireDurablement(fichier: string, contenu: string) {
  const temporaire = `${fichier}.${process.pid}.tmp`
  const fd = openSync(temporaire, 'w')
  try {
    writeSync(fd, contenu)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporaire, fichier)
  // Le renommage lui-même doit survivre à une coupure : on synchronise aussi le dossier.
  const dossier = openSync(path.dirname(fichier), 'r')
  try {
    fsyncSync(dossier)
  } finally {
    closeSync(dossier)
  }
}

export class PipelinePublication {
  private minuterie?: NodeJS.Timeout
  private enCours?: Promise<EtatPublication>
  private relancer = false
  private raisons: string[] = []
  private epingles = new Set<string>()
  /** Identifie la dernière demande écrite dans le marqueur : une publication n'efface que celle qu'elle a prise en compte. */
  private jetonAttente?: string
  etat: EtatPublication = { statut: 'jamais', resume: 'Aucune publication depuis le démarrage' }

  constructor(private readonly options: OptionsPipeline) {
    mkdirSync(this.dossierConstructions, { recursive: true })
  }

  get dossierConstructions() {
    return path.join(this.options.dossier, 'constructions')
  }

  get lienCourant() {
    return path.join(this.options.dossier, 'courant')
  }

  /**
   * Dossier de la construction en service, ou undefined s'il n'y en a pas encore. Lu à chaque
   * requête : le lien est relu au plus une fois par seconde (realpath coûte plusieurs appels
   * système), et aussitôt après une bascule de ce processus.
   */
  constructionCourante(): string | undefined {
    const maintenant = Date.now()
    if (this.courante && maintenant - this.courante.lu < 1000) return this.courante.dossier
    let dossier: string | undefined
    try {
      dossier = realpathSync(this.lienCourant)
    } catch {
      dossier = undefined
    }
    this.courante = { dossier, lu: maintenant }
    return dossier
  }
  private courante?: { dossier: string | undefined; lu: number }

  empreinteCourante(): string | undefined {
    const courant = this.constructionCourante()
    if (!courant) return undefined
    try {
      return readFileSync(path.join(courant, 'empreinte.txt'), 'utf8').trim()
    } catch {
      return undefined
    }
  }

  /** Marqueur persistant d'une demande pas encore publiée avec succès. */
  get fichierAttente() {
    return path.join(this.options.dossier, 'demande-en-attente.json')
  }

  /** La demande pas encore publiée (laissée par ce processus ou par un processus arrêté brutalement), ou undefined. */
  demandeEnAttente(): { raison: string; quand?: string } | undefined {
    let texte: string
    try {
      texte = readFileSync(this.fichierAttente, 'utf8')
    } catch {
      return undefined
    }
    try {
      const lu = JSON.parse(texte) as { raison?: unknown; quand?: unknown }
      return {
        raison: typeof lu.raison === 'string' ? lu.raison.slice(0, 500) : 'modification enregistrée',
        quand: typeof lu.quand === 'string' ? lu.quand : undefined,
      }
    } catch {
      // Marqueur illisible (disque plein au moment de l'écrire ?) : republier est sans risque.
      return { raison: 'modification enregistrée' }
    }
  }

  private noterAttente(raison: string) {
    const jeton = randomBytes(6).toString('hex')
    ecrireDurablement(this.fichierAttente, JSON.stringify({ raison, quand: new Date().toISOString(), jeton }))
    this.jetonAttente = jeton
  }

  /**
   * Au démarrage, avant toute publication : reprend l'état enregistré par le
   * processus précédent et le rend vrai. Un état « en cours » ou « planifiée »
   * lu ici vient forcément d'un processus arrêté sans finir (celui-ci n'a encore
   * rien publié) : la publication est dite interrompue et une demande en
   * attente est notée, pour qu'elle soit refaite. Renvoie la raison de la
   * reprise si une publication est à refaire.
   */
  async reprendre(enregistre: EtatPublication | undefined): Promise<string | undefined> {
    if (enregistre?.statut === 'en-cours' || enregistre?.statut === 'planifiee') {
      const interrompue = enregistre.statut === 'en-cours'
      if (!this.demandeEnAttente()) this.noterAttente(enregistre.raison ?? 'publication interrompue')
      const debut = enregistre.debut ? ` (commencée à ${heure(new Date(enregistre.debut))})` : ''
      // Interrompue : dite comme un échec, le dernier succès gardé. Planifiée : elle l'est toujours (refaite au démarrage).
      await this.changerEtat(
        interrompue
          ? {
              ...enregistre,
              statut: 'echouee',
              erreur: `Publication interrompue par un arrêt du serveur${debut} ; elle est refaite au démarrage.`,
              resume: `Dernière publication : interrompue par un arrêt du serveur${debut} — le portail affiche toujours la version précédente`,
            }
          : { ...enregistre, resume: 'Publication planifiée (reprise après un arrêt du serveur)' },
      )
    } else if (enregistre) this.etat = enregistre
    const attente = this.demandeEnAttente()
    if (!attente) return undefined
    // Deux arrêts de suite ne doivent pas empiler les préfixes.
    return attente.raison.startsWith(PREFIXE_REPRISE) ? attente.raison : `${PREFIXE_REPRISE}${attente.raison}`
  }

  /** Le serveur a chargé du code depuis ce dossier : il ne doit pas être supprimé. */
  epingler(dossier: string) {
    this.epingles.add(dossier)
  }

  /** Demande différée : plusieurs enregistrements rapprochés ne font qu'une publication. */
  demander(raison: string) {
    this.raisons.push(raison)
    // Avant tout le reste : si le processus meurt maintenant, le prochain démarrage saura qu'il faut publier.
    try {
      this.noterAttente([...new Set(this.raisons)].join(', '))
    } catch (e) {
      console.error(`Publication : demande en attente non enregistrée sur le disque (${(e as NodeJS.ErrnoException).code ?? (e as Error).name})`)
    }
    clearTimeout(this.minuterie)
    if (this.etat.statut !== 'en-cours')
      void this.changerEtat({ ...this.etat, statut: 'planifiee', raison: [...new Set(this.raisons)].join(', '), resume: 'Publication planifiée' })
    this.minuterie = setTimeout(() => void this.publier(), this.options.delaiMs)
    this.minuterie.unref?.()
  }

  /** Publie maintenant ; si une publication tourne déjà, une autre suivra avec les dernières modifications. */
  async publier(): Promise<EtatPublication> {
    clearTimeout(this.minuterie)
    if (this.enCours) {
      this.relancer = true
      return this.enCours
    }
    const raison = [...new Set(this.raisons)].join(', ') || 'démarrage'
    this.raisons = []
    this.enCours = this.executer(raison).finally(() => {
      this.enCours = undefined
      if (this.relancer) {
        this.relancer = false
        void this.publier()
      }
    })
    return this.enCours
  }

  /** Attend la fin de toute publication en cours ou planifiée (tests, arrêt propre). */
  async attendre(): Promise<EtatPublication> {
    while (this.enCours || this.relancer) await (this.enCours ?? new Promise((r) => setTimeout(r, 50)))
    return this.etat
  }

  arreter() {
    clearTimeout(this.minuterie)
  }

  private async executer(raison: string): Promise<EtatPublication> {
    const debut = new Date()
    // Ce que cette publication prend en compte : toute demande arrivée pendant la construction
    // change le jeton, et le marqueur reste alors pour la publication suivante.
    let jeton = this.jetonAttente
    if (!jeton || !existsSync(this.fichierAttente)) {
      try {
        this.noterAttente(raison)
        jeton = this.jetonAttente
      } catch {
        jeton = undefined
      }
    }
    await this.changerEtat({ ...this.etat, statut: 'en-cours', raison, debut: debut.toISOString(), resume: 'Publication en cours' })
    // Horodaté pour le tri du nettoyage, plus un suffixe aléatoire : deux publications dans la même
    // milliseconde (un échec rapide juste après une réussite) écriraient sinon dans le même dossier,
    // et l'échec effacerait la construction en service.
    const nom = `${debut.toISOString().replace(/[:.]/g, '-')}-${process.pid}-${randomBytes(4).toString('hex')}`
    const sortie = path.join(this.dossierConstructions, nom)
    try {
      await this.options.construire(sortie)
      if (this.options.empreinte) writeFileSync(path.join(sortie, 'empreinte.txt'), this.options.empreinte)
      this.basculer(sortie)
      if (jeton && this.jetonAttente === jeton) rmSync(this.fichierAttente, { force: true })
      const fin = new Date()
      await this.changerEtat({
        statut: 'reussie',
        raison,
        debut: debut.toISOString(),
        derniereReussite: fin.toISOString(),
        dureeMs: fin.getTime() - debut.getTime(),
        erreur: undefined,
        resume: `Dernière publication : réussie à ${heure(fin)}`,
      })
      this.nettoyer()
    } catch (e) {
      rmSync(sortie, { recursive: true, force: true })
      const fin = new Date()
      await this.changerEtat({
        ...this.etat,
        statut: 'echouee',
        raison,
        debut: debut.toISOString(),
        dureeMs: fin.getTime() - debut.getTime(),
        erreur: resumerErreur((e as Error).message),
        resume: `Dernière publication : échouée à ${heure(fin)} — le portail affiche toujours la version précédente`,
      })
    }
    return this.etat
  }

  /** Remplacement atomique : rename(2) d'un lien symbolique sur l'ancien. */
  private basculer(sortie: string) {
    const temporaire = `${this.lienCourant}.${process.pid}.tmp`
    rmSync(temporaire, { force: true })
    symlinkSync(path.relative(this.options.dossier, sortie), temporaire)
    renameSync(temporaire, this.lienCourant)
    this.courante = undefined
  }

  private nettoyer() {
    const courant = this.constructionCourante()
    const garder = this.options.conserver ?? 2
    const anciennes = readdirSync(this.dossierConstructions)
      .map((n) => path.join(this.dossierConstructions, n))
      .filter((d) => d !== courant && !this.epingles.has(d))
      .sort()
      .reverse()
    for (const d of anciennes.slice(garder)) rmSync(d, { recursive: true, force: true })
  }

  private async changerEtat(etat: EtatPublication) {
    this.etat = etat
    try {
      await this.options.surEtat?.(etat)
    } catch {
      // L'affichage de l'état ne doit jamais faire échouer une publication.
    }
  }
}

/** Construction réelle : `astro build` dans un processus séparé, sortie dans un dossier neuf. */
export function constructeurAstro(racine: string, env: NodeJS.ProcessEnv): Constructeur {
  return (sortie) =>
    new Promise((resoudre, rejeter) => {
      // Le code serveur construit importe ses paquets depuis node_modules : quand
      // le dossier de données est hors du dépôt, un lien les rend trouvables.
      const lien = path.join(path.dirname(path.dirname(sortie)), 'node_modules')
      if (!existsSync(lien)) symlinkSync(path.join(racine, 'node_modules'), lien, 'dir')
      const astro = path.join(racine, 'node_modules', 'astro', 'bin', 'astro.mjs')
      if (!existsSync(astro)) return rejeter(new Error('astro introuvable : lancez « npm install »'))
      const enfant = spawn(process.execPath, [astro, 'build', '--silent'], {
        cwd: racine,
        env: {
          ...env,
          PASSERELLE_SORTIE: sortie,
          // NODE_ENV=production n'est ici qu'un mode de construction : l'environnement voulu
          // (développement, test, production) reste celui de l'appelant, pour les règles de configuration.
          PASSERELLE_ENVIRONNEMENT: env.PASSERELLE_ENVIRONNEMENT ?? env.NODE_ENV ?? 'development',
          NODE_ENV: 'production',
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let journal = ''
      const garder = (d: Buffer) => {
        journal = (journal + d.toString()).slice(-8000)
      }
      enfant.stdout.on('data', garder)
      enfant.stderr.on('data', garder)
      enfant.on('error', rejeter)
      enfant.on('close', (code) =>
        code === 0 ? resoudre() : rejeter(new Error(`La construction du portail a échoué (code ${code}).\n${journal.trim()}`)),
      )
    })
}
