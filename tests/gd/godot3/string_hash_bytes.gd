extends SceneTree

func _init():
	var words = ["", "abc", "Godot", "héllo"]
	for w in words:
		print(w.md5_text(), " ", w.sha256_text())
		print(w.to_utf8(), " ", w.to_ascii(), " ", w.hash())
	print("abc".md5_buffer().size(), " ", "abc".sha256_buffer().size())
	print(Array("héllo".to_utf8()))
	print(Array("hi".to_ascii()))
	print(PoolByteArray([72, 195, 169]).get_string_from_utf8())
	print(PoolByteArray([72, 105]).get_string_from_ascii())
	print(Marshalls.utf8_to_base64("hello"), " ", Marshalls.base64_to_utf8("aGVsbG8="))
	print(PoolByteArray([0, 1, 254, 255]).hex_encode())
	quit()
