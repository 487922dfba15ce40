extends SceneTree
# Array append + sort, then a PackedStringArray built from it and joined.


func _init():
	var a = []
	var x = 12345
	for i in range(200000):
		x = (x * 1103515245 + 12345) % 2147483648
		a.append(x % 1000000)
	a.sort()
	var p = PackedStringArray()
	for v in a:
		p.append(str(v))
	var joined = ",".join(p)
	print("checksum: ", a.size(), " ", a[0], " ", a[100000], " ", a[a.size() - 1], " ", joined.length())
	quit()
