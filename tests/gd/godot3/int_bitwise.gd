extends SceneTree

func _init():
	print(0xFF, " ", 0x10, " ", 0xdeadbeef)
	print(6 & 3, " ", 6 | 3, " ", 6 ^ 3, " ", ~6, " ", ~0)
	print(1 << 10, " ", 1024 >> 3, " ", -16 >> 2, " ", -1 >> 10)
	print(5 & -1, " ", -5 & 0xFF)
	var flags = 0
	flags |= 4
	flags |= 1
	print(flags)
	flags &= ~4
	print(flags)
	flags ^= 3
	print(flags)
	flags <<= 4
	print(flags)
	flags >>= 2
	print(flags)
	print(0x7FFFFFFFFFFFFFFF)
	quit()
