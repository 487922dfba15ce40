extends SceneTree

func _init():
	var b = PoolByteArray()
	b.append(65)
	b.append(256 + 66)
	b.push_back(-1)
	print(Array(b), " ", b.size())
	b.resize(5)
	print(Array(b))
	var text = PoolByteArray([0x47, 0x6f, 0x64, 0x6f, 0x74])
	print(text.get_string_from_ascii(), " ", text.hex_encode(), " ", text.size())
	var slice = text.subarray(1, 3)
	print(Array(slice), " ", slice.get_string_from_utf8())
	print(Marshalls.raw_to_base64(text), " ", Array(Marshalls.base64_to_raw("R29kb3Q=")))
	quit()
