import type { Access } from 'payload'

/** L'opérateur voit tous les comptes ; un autre utilisateur ne voit que le sien (filtre en base, pas en code). */
export const operateurOuSoiMeme: Access = ({ req: { user } }) => {
  if (!user || user.collection !== 'utilisateurs') return false
  if (user.role === 'operateur') return true
  return { id: { equals: user.id } }
}
