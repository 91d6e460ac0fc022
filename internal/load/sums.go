package load

import (
	"encoding/binary"
	"hash/crc64"

	"github.com/minhbach/minhbach/internal/model"
)

// Sums tell a rebuild which content is as it was: the same bytes at the
// same path give the same sum. CRC-64 is fast and spreads well; a rebuild
// needs to tell edits apart, not to resist an attacker.
var sumTable = crc64.MakeTable(crc64.ECMA)

// fileSum is a hash of a file's path and bytes.
func fileSum(name string, src []byte) uint64 {
	s := crc64.Update(0, sumTable, []byte(name))
	s = crc64.Update(s, sumTable, []byte{0})
	return crc64.Update(s, sumTable, src)
}

// siteSum hashes every locality file and the path of every plan and update:
// a locality renamed, or a plan added or removed, changes it.
func siteSum(site *model.Site) uint64 {
	var s uint64
	var buf [8]byte
	add := func(v uint64) {
		binary.LittleEndian.PutUint64(buf[:], v)
		s = crc64.Update(s, sumTable, buf[:])
	}
	for _, l := range site.Localities {
		add(l.Sum)
		for _, p := range l.Plans {
			s = crc64.Update(s, sumTable, []byte(p.Pos.File))
		}
		for _, u := range l.Updates {
			s = crc64.Update(s, sumTable, []byte(u.Pos.File))
		}
	}
	return s
}
