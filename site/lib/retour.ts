/**
 * Où renvoyer après une étape de connexion : un chemin du portail seulement
 * (« /espace/… »), jamais une autre origine (« //exemple.org », « https:… »,
 * « /\exemple.org ») : le paramètre vient de l'URL, donc de n'importe qui.
 */
export function cheminDeRetour(brut: string | null | undefined, defaut = '/espace'): string {
  if (!brut || !brut.startsWith('/') || brut.startsWith('//') || /[\\\s]/.test(brut) || brut.startsWith('/connexion')) return defaut
  return brut
}
