import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
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
 */

export type EtatPublication = {
  statut: 'jamais' | 'planifiee' | 'en-cours' | 'reussie' | 'echouee'
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

export class PipelinePublication {
  private minuterie?: NodeJS.Timeout
  private enCours?: Promise<EtatPublication>
  private relancer = false
  private raisons: string[] = []
  private epingles = new Set<string>()
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

  /** Dossier de la construction en service, ou undefined s'il n'y en a pas encore. */
  constructionCourante(): string | undefined {
    try {
      return realpathSync(this.lienCourant)
    } catch {
      return undefined
    }
  }

  empreinteCourante(): string | undefined {
    const courant = this.constructionCourante()
    if (!courant) return undefined
    try {
      return readFileSync(path.join(courant, 'empreinte.txt'), 'utf8').trim()
    } catch {
      return undefined
    }
  }

  /** Le serveur a chargé du code depuis ce dossier : il ne doit pas être supprimé. */
  epingler(dossier: string) {
    this.epingles.add(dossier)
  }

  /** Demande différée : plusieurs enregistrements rapprochés ne font qu'une publication. */
  demander(raison: string) {
    this.raisons.push(raison)
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
