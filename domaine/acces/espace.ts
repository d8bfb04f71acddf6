import { operationPermise } from '../saisines/statuts'
import { decider, type Acteur, type Action, type Ressource } from './politique'
import type { Role } from './roles'

/**
 * Les entrées de l'accueil de l'espace connecté (/espace), tirées de la
 * politique d'autorisation : chaque entrée dit le droit qu'elle exige, et
 * l'acteur la voit s'il a ce droit. Aucun « si le rôle est… » ici : changer
 * un droit dans la politique change l'accueil du même coup. On n'affiche que
 * des fonctions qui existent.
 */

export type EntreeEspace = {
  cle: 'compte' | 'saisines' | 'comptes' | 'journal' | 'indicateurs' | 'admin'
  titre: string
  description: string
  href: string
}

type Exigence =
  | {
      action: Action
      ressource: Ressource
      /** « soi » : ses propres enregistrements suffisent ; « tout » : il faut le droit sur tous. */
      portee: 'soi' | 'tout'
    }
  /** Les saisines ont leur propre politique (domaine/saisines/statuts.ts, `operationPermise`). */
  | { saisines: true }

const ENTREES: readonly (EntreeEspace & { exige: Exigence })[] = [
  {
    cle: 'compte',
    titre: 'Mon compte',
    description: 'Mot de passe, second facteur et sessions ouvertes.',
    href: '/espace/compte',
    exige: { action: 'modifier', ressource: 'utilisateurs', portee: 'soi' },
  },
  {
    cle: 'saisines',
    titre: 'Saisines',
    description: 'Déposer une saisine, suivre sa prise en charge ; pour l’intervenant, le suivi, les orientations et les retours à l’unité.',
    href: '/espace/saisines',
    exige: { saisines: true },
  },
  {
    cle: 'comptes',
    titre: 'Comptes',
    description: 'Inviter une personne, suspendre un compte, changer un rôle ou un rattachement.',
    href: '/espace/comptes',
    exige: { action: 'lire', ressource: 'comptes', portee: 'tout' },
  },
  {
    cle: 'journal',
    titre: 'Journal d’audit',
    description: 'Connexions, invitations, changements de rôle : qui, quand, depuis quel poste. Filtres et export CSV.',
    href: '/espace/journal',
    exige: { action: 'lire', ressource: 'journal', portee: 'tout' },
  },
  {
    cle: 'indicateurs',
    titre: 'Indicateurs d’activité',
    description: 'Les neuf indicateurs du cahier des charges par période, comparés, avec leurs définitions ; exports XLSX, CSV et rapport PDF.',
    href: '/espace/indicateurs',
    exige: { action: 'lire', ressource: 'indicateurs', portee: 'tout' },
  },
  {
    cle: 'admin',
    titre: 'Administration du contenu',
    description: 'Sites, postes, annuaire, permanences, plaquettes et formation publiés sur le portail.',
    href: '/admin',
    exige: { action: 'lire', ressource: 'admin', portee: 'tout' },
  },
]

/**
 * Les saisines concernent l'acteur s'il en dépose, en suit dans sa portée
 * (son poste : on le pose égal à celui de la saisine, la page filtrera) ou en
 * trace les signalements judiciaires.
 */
const concerneParLesSaisines = (acteur: Acteur) => {
  const lui = { ...acteur, poste: 'sien' }
  return (
    operationPermise(lui, 'deposer', { poste: 'sien' }) ||
    operationPermise(lui, 'voir-contenu', { poste: 'sien' }) ||
    operationPermise(lui, 'voir-signalements', {})
  )
}

const satisfait = (acteur: Acteur, exige: Exigence) => {
  if ('saisines' in exige) return concerneParLesSaisines(acteur)
  const d = decider(acteur, exige.action, exige.ressource)
  return d.permis && (exige.portee === 'soi' || d.portee === 'tout')
}

/** Ce que l'acteur peut faire depuis l'accueil de l'espace, dans l'ordre d'affichage. Rien pour un compte suspendu. */
export function entreesEspace(acteur: Acteur): EntreeEspace[] {
  return ENTREES.filter((e) => satisfait(acteur, e.exige)).map(({ exige: _exige, ...entree }) => entree)
}

/** L'acteur de la politique pour un compte lu en base (un compte sans rôle n'est personne : aucun droit). */
export function acteurDuCompte(compte: { id: number | string; role?: Role | null; suspendu?: boolean | null } | null | undefined): Acteur | null {
  if (!compte?.role) return null
  return { id: compte.id, role: compte.role, suspendu: compte.suspendu ?? false }
}
