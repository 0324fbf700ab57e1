DELETE FROM roster WHERE ancestor_id = '/';
ALTER TABLE roster ADD CONSTRAINT roster_ancestor_id_fkey FOREIGN KEY (ancestor_id) REFERENCES organizations(id);
ALTER TABLE roster ADD CONSTRAINT roster_membership_id_fkey FOREIGN KEY (membership_id) REFERENCES memberships(id);
