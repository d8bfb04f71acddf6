import { dictionary } from '@zxcvbn-ts/language-common'

/**
 * Règle des mots de passe des comptes : une longueur minimale et le refus des
 * mots de passe les plus répandus (liste « passwords-common » de zxcvbn-ts,
 * licence MIT, tirée des fuites publiques). Pas de règle de composition
 * (majuscule, chiffre…) : elles poussent vers « Motdepasse1! » sans rien gagner.
 */
export const LONGUEUR_MINIMALE = 12

// Seules les entrées assez longues peuvent être refusées par la liste : inutile de garder les autres en mémoire.
const courants = new Set(dictionary['passwords-common'].filter((m) => m.length >= LONGUEUR_MINIMALE))

export type VerdictMotDePasse = { ok: true } | { ok: false; message: string }

export function verifierMotDePasse(motDePasse: unknown): VerdictMotDePasse {
  if (typeof motDePasse !== 'string' || motDePasse.length === 0)
    return { ok: false, message: 'Mot de passe : ce champ est obligatoire.' }
  // Longueur en caractères visibles (un emoji ou une lettre accentuée compte pour un).
  if ([...motDePasse].length < LONGUEUR_MINIMALE)
    return { ok: false, message: `Mot de passe : au moins ${LONGUEUR_MINIMALE} caractères (une phrase de quelques mots convient).` }
  if (courants.has(motDePasse.toLowerCase()))
    return { ok: false, message: 'Mot de passe : il figure dans la liste des mots de passe les plus utilisés ; choisissez-en un autre.' }
  return { ok: true }
}
